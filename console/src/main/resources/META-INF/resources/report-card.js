// Draws each report-card chart from its canvas's data attributes (the figures are also in the table
// beneath it). Loaded from a file: the Content-Security-Policy forbids inline script.
/* global Chart */
const GOVUK_COLOURS = ['#1d70b8', '#00703c', '#d4351c', '#f47738', '#4c2c92', '#5694ca', '#912b88', '#505a5f',
  '#28a197', '#b58840', '#f499be', '#85994b', '#6f72af']

document.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
  const type = canvas.dataset.chart
  const labels = JSON.parse(canvas.dataset.labels)
  const values = JSON.parse(canvas.dataset.values)
  // eslint-disable-next-line no-new
  new Chart(canvas, {
    type,
    data: {
      labels,
      datasets: [{
        label: canvas.dataset.title,
        data: values,
        backgroundColor: type === 'doughnut' ? ['#00703c', '#b1b4b6'] : GOVUK_COLOURS
      }]
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: type === 'doughnut' } },
      // whole numbers on a count's axis (no 0.5 of a referral)
      scales: type === 'doughnut' ? {} : { y: { beginAtZero: true, ticks: canvas.dataset.unit === 'count' ? { precision: 0 } : {} } }
    }
  })
})
