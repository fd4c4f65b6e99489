/* The chart view (dataapi/chart_view.py): a bar chart of a loaded table's first numeric column
   against its first text column, first 100 rows, read from datastore_search as the visitor. */
(function () {
  "use strict";
  var NUMERIC = ["numeric", "int", "int4", "int8", "float8", "float4"];
  function draw(canvas) {
    var url = canvas.getAttribute("data-api") + "?" + new URLSearchParams({
      resource_id: canvas.getAttribute("data-resource-id"), limit: "100"});
    fetch(url, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (answer) {
      if (!answer.success) { return; }
      var fields = answer.result.fields.filter(function (f) { return f.id !== "_id"; });
      var value = fields.find(function (f) { return NUMERIC.indexOf(f.type) >= 0; });
      var label = fields.find(function (f) { return f.type === "text"; }) || fields[0];
      if (!value) {
        canvas.insertAdjacentText("afterend", canvas.getAttribute("data-no-numbers"));
        canvas.remove();
        return;
      }
      var rows = answer.result.records;
      new window.Chart(canvas, {
        type: "bar",
        data: {
          labels: rows.map(function (r) { return String(r[label.id]); }),
          datasets: [{label: value.id, data: rows.map(function (r) { return Number(r[value.id]); })}]
        },
        options: {responsive: true, plugins: {legend: {display: true}}}
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas.opengov-chart").forEach(draw);
  });
})();
