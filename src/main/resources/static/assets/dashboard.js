// The dashboard's charts: drawn from the numbers the server puts in #dashboard-data, and redrawn in place when the
// live refresh (htmx) brings new ones. Every chart's numbers are also in a table on the page.
(function () {
  'use strict';

  var colours = { answered: '#1e7b34', missed: '#b3261e', outbound: '#0b5cad', internal: '#8a6d00',
    rate: '#0b5cad', level: '#1e7b34', mean: '#0b5cad', median: '#1e7b34', p90: '#b3261e' };
  var charts = {};

  function numbers() {
    var element = document.getElementById('dashboard-data');
    return element && element.dataset.chart ? JSON.parse(element.dataset.chart) : null;
  }

  function bars(label, data, colour, stack) {
    return { label: label, data: data, backgroundColor: colour, stack: stack };
  }

  function line(label, data, colour) {
    return { label: label, data: data, borderColor: colour, backgroundColor: colour, spanGaps: false, tension: 0.2 };
  }

  function axis(title, extra) {
    var scale = { beginAtZero: true, title: { display: true, text: title } };
    return Object.assign(scale, extra || {});
  }

  // Creates the chart, or gives the existing one the new numbers without animating: a refresh is not an event.
  function show(id, type, labels, datasets, options) {
    var canvas = document.getElementById(id);
    if (!canvas) {
      return;
    }
    var chart = charts[id];
    if (chart && chart.canvas === canvas) {
      chart.data.labels = labels;
      datasets.forEach(function (set, i) { chart.data.datasets[i].data = set.data; });
      chart.update('none');
      return;
    }
    charts[id] = new window.Chart(canvas, { type: type, data: { labels: labels, datasets: datasets },
      options: Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, options) });
  }

  function draw() {
    var d = numbers();
    if (!d || !window.Chart) {
      return;
    }
    show('chart-calls', 'bar', d.labels, [
      bars('Answered', d.answered, colours.answered, 'inbound'),
      bars('Missed', d.missed, colours.missed, 'inbound'),
      bars('Outbound', d.outbound, colours.outbound, 'outbound'),
      bars('Internal', d.internal, colours.internal, 'internal')
    ], { scales: { x: { stacked: true }, y: axis('Calls', { stacked: true, ticks: { precision: 0 } }) } });
    show('chart-reasons', 'bar', d.reason_labels, [bars('Missed calls', d.reasons, colours.missed)],
      { indexAxis: 'y', plugins: { legend: { display: false } },
        scales: { x: axis('Missed calls', { ticks: { precision: 0 } }) } });
    show('chart-rates', 'line', d.labels, [
      line('Answer rate', d.answer_rate, colours.rate),
      line('Service level', d.service_level, colours.level)
    ], { scales: { y: axis('Percent', { max: 100 }) } });
    show('chart-asa', 'line', d.labels, [
      line('Mean', d.asa_mean, colours.mean),
      line('Median', d.asa_median, colours.median),
      line('9 in 10 within', d.asa_p90, colours.p90)
    ], { scales: { y: axis('Seconds to answer') } });
  }

  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);

  // A tab nobody looks at does not poll; shown again, it catches up at once.
  document.addEventListener('htmx:beforeRequest', function (event) {
    if (document.hidden && event.detail.elt && event.detail.elt.id === 'tiles') {
      event.preventDefault();
    }
  });
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && window.htmx && document.getElementById('tiles')) {
      window.htmx.trigger('#tiles', 'catch-up');
    }
  });
}());
