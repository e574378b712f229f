// The wallboard: htmx polls the board; a tab nobody looks at does not poll (Page Visibility API) and catches up at
// once when shown again. The full-screen button makes the page fill the screen, large and dark, for a TV.
(function () {
  'use strict';

  document.addEventListener('htmx:beforeRequest', function (event) {
    if (document.hidden && event.detail.elt && event.detail.elt.id === 'board') {
      event.preventDefault();
    }
  });
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && window.htmx && document.getElementById('board')) {
      window.htmx.trigger('#board', 'catch-up');
    }
  });

  document.addEventListener('click', function (event) {
    if (!event.target.closest('#full-screen')) {
      return;
    }
    document.body.classList.add('tv');
    if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () { /* the TV class alone still helps */ });
    }
  });
  document.addEventListener('fullscreenchange', function () {
    if (!document.fullscreenElement) {
      document.body.classList.remove('tv');
    }
  });
}());
