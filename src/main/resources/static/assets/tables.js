// Sortable tables: each column heading is a button that sorts the rows by that column (numbers by their value, names
// by their text), again for the other way round. The cells carry their value in data-value; empty ones sort last.
(function () {
  'use strict';

  function value(row, column) {
    var cell = row.children[column];
    return cell ? cell.getAttribute('data-value') || '' : '';
  }

  function sort(table, column, text, ascending) {
    var body = table.tBodies[0];
    var rows = Array.prototype.filter.call(body.rows, function (r) { return r.children.length > 1; });
    rows.sort(function (a, b) {
      var x = value(a, column);
      var y = value(b, column);
      if (x === '' || y === '') {
        return x === y ? 0 : x === '' ? 1 : -1;
      }
      var order = text ? x.localeCompare(y) : parseFloat(x) - parseFloat(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('table.sortable thead button');
    if (!button) {
      return;
    }
    var heading = button.closest('th');
    var table = button.closest('table');
    var ascending = heading.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute('aria-sort'); });
    heading.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    sort(table, heading.cellIndex, button.getAttribute('data-type') === 'text', ascending);
  });
}());
