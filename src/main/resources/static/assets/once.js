// A secret is shown in the answer of the form that made it, and only there: the answer's history entry becomes a
// plain visit of the page, so that a reload or going back and forth shows the page without the secret and never
// sends the form again.
(function () {
  var box = document.querySelector('[data-shown-once]');
  if (box && window.history && window.history.replaceState) {
    window.history.replaceState(null, '', box.getAttribute('data-shown-once'));
  }
})();
