// Settings page: "Add" copies the last row of a list, emptied; "Remove" drops a row (the last one left is emptied
// instead). "Always open" hides the account's week, whose values are then not used. Without this script the page
// still works: it offers one empty row in every list, and an interval is removed by emptying its times.
(function () {
  var copies = 0;

  function empty(row) {
    row.querySelectorAll('input').forEach(function (input) {
      input.value = '';
      input.removeAttribute('aria-invalid');
    });
    row.querySelectorAll('.error').forEach(function (message) { message.remove(); });
  }

  function showWeek() {
    var always = document.getElementById('hours-always');
    var week = document.getElementById('bh-week');
    if (always && week) {
      week.hidden = always.checked;
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form.settings[data-editable]');
    if (!form) {
      return;
    }
    form.querySelectorAll('.add-row, .remove-row').forEach(function (button) { button.hidden = false; });
    form.querySelectorAll('input[name="hours_mode"]').forEach(function (radio) {
      radio.addEventListener('change', showWeek);
    });
    showWeek();

    form.addEventListener('click', function (event) {
      var add = event.target.closest('.add-row');
      if (add) {
        var list = document.getElementById(add.dataset.rows);
        var row = list.lastElementChild.cloneNode(true);
        copies += 1;
        row.querySelectorAll('[id]').forEach(function (el) { el.id = el.id + '-c' + copies; });
        row.querySelectorAll('label[for]').forEach(function (label) { label.htmlFor = label.htmlFor + '-c' + copies; });
        empty(row);
        list.appendChild(row);
        row.querySelector('input').focus();
        return;
      }
      var remove = event.target.closest('.remove-row');
      if (remove) {
        var item = remove.closest('li');
        var rows = item.parentElement;
        if (rows.children.length > 1) {
          item.remove();
          rows.lastElementChild.querySelector('input').focus();
        } else {
          empty(item);
          item.querySelector('input').focus();
        }
      }
    });
  });
})();
