/* Draws the policy map (#opengov-policy-map) from the JSON beside it with Cytoscape.js, served by
 * the portal. Tapping a point opens its page; the table below the graph holds the same links. */
(function () {
  "use strict";
  var colours = {objective: "#1f5fa8", agency: "#e07b1a", dataset: "#2e9e5b"};

  function init() {
    var box = document.getElementById("opengov-policy-map");
    var source = document.getElementById("opengov-policy-map-data");
    if (!box || !source || !window.cytoscape) { return; }
    var data;
    try { data = JSON.parse(source.textContent); } catch (e) { return; }
    if (!data.nodes.length) { box.style.display = "none"; return; }
    var elements = data.nodes.map(function (n) {
      return {group: "nodes", data: {id: n.id, label: n.label, kind: n.kind, url: n.url, overlap: n.overlap ? 1 : 0}};
    }).concat(data.edges.map(function (e, i) {
      return {group: "edges", data: {id: "e" + i, source: e.source, target: e.target, kind: e.kind}};
    }));
    // Sizes in screen pixels: the layout fits the whole graph in the box, which zooms a large
    // graph out (labels fell to 4-8 px); below zoom 1 every size is scaled back up by 1/zoom.
    function styles(k) {
      return [
        {selector: "node", style: {
          "label": "data(label)", "font-size": 11 * k, "text-wrap": "ellipsis", "text-max-width": 140 * k,
          "font-family": "'Sarabun', 'Noto Sans Thai', 'Loma', 'Garuda', sans-serif",
          "background-color": function (n) { return colours[n.data("kind")] || "#7f8c8d"; },
          "width": 14 * k, "height": 14 * k}},
        {selector: "node[kind = 'objective']", style: {"shape": "round-rectangle", "width": 24 * k, "height": 24 * k,
                                                        "font-size": 13 * k, "font-weight": "bold"}},
        {selector: "node[kind = 'agency']", style: {"shape": "diamond", "width": 20 * k, "height": 20 * k}},
        {selector: "node[overlap = 1]", style: {"border-width": 3 * k, "border-color": "#c0392b"}},
        {selector: "edge", style: {"width": 1 * k, "line-color": "#bbb", "curve-style": "bezier"}},
        {selector: "edge[kind = 'overlap']", style: {"width": 3 * k, "line-color": "#c0392b", "line-style": "dashed"}}
      ];
    }
    var cy = window.cytoscape({
      container: box,
      elements: elements,
      wheelSensitivity: 0.2,
      style: styles(1),
      layout: {name: data.nodes.length > 400 ? "grid" : "cose", animate: false, nodeDimensionsIncludeLabels: true}
    });
    var scale = 1;
    function readable() {
      var k = 1 / Math.min(cy.zoom(), 1);
      if (Math.abs(k - scale) / scale > 0.05) { scale = k; cy.style(styles(k)); }
    }
    readable();
    cy.on("zoom", readable);
    box.setAttribute("data-drawn", data.nodes.length);
    window.opengovPolicyMap = cy;  // for the browser tests and the console
    cy.on("tap", "node", function (evt) {
      var url = evt.target.data("url");
      if (url) { window.location.href = url; }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
