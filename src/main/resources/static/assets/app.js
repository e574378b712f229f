// htmx requests carry the session's CSRF token, as forms carry it in their _csrf field.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  if (token) {
    event.detail.headers['X-CSRF-Token'] = token.content;
  }
});
