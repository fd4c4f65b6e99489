/* Draws every <canvas data-opengov-chart="…json…"> with Chart.js (served by the portal itself).
 * The same numbers are in the table beside each chart, for screen readers and for copying. */
(function () {
  "use strict";
  var palette = ["#1f5fa8", "#e07b1a", "#2e9e5b", "#c0392b", "#7f8c8d", "#8e44ad", "#16a085"];

  function draw(canvas) {
    var spec;
    try { spec = JSON.parse(canvas.getAttribute("data-opengov-chart")); } catch (e) { return; }
    spec.datasets.forEach(function (set, i) {
      var many = spec.type === "doughnut" || spec.type === "pie";
      set.backgroundColor = set.backgroundColor || (many ? palette : palette[i % palette.length]);
      set.borderColor = set.borderColor || (many ? "#fff" : palette[i % palette.length]);
    });
    new window.Chart(canvas, {
      type: spec.type,
      data: {labels: spec.labels, datasets: spec.datasets},
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        indexAxis: spec.horizontal ? "y" : "x",
        plugins: {legend: {display: spec.datasets.length > 1 || spec.type === "doughnut"}},
        font: {family: "'Sarabun', 'Noto Sans Thai', 'Loma', 'Garuda', sans-serif"}
      }
    });
  }

  function init() {
    if (!window.Chart) { return; }
    window.Chart.defaults.font.family = "'Sarabun', 'Noto Sans Thai', 'Loma', 'Garuda', sans-serif";
    Array.prototype.forEach.call(document.querySelectorAll("canvas[data-opengov-chart]"), draw);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
