/* policygraph network pages: tooltips as elements, the info panel, re-centring, timings.
 * Expects `nodeList`, `edgeList`, `options` and `container` to be defined by the page. */
(function () {
  "use strict";
  var state = window.policygraph = { firstDrawMs: null, readyMs: null, nodeCount: 0 };

  /* vis-network shows string titles as plain text; the page builds its tooltips in
   * Python from escaped document text, so turning them into elements is safe. */
  function asElement(html) {
    var div = document.createElement("div");
    div.className = "pg-tip";
    div.innerHTML = html;
    return div;
  }
  var tips = {};
  nodeList.forEach(function (n) { if (n.title) { tips[n.id] = n.title; n.title = asElement(n.title); } });
  edgeList.forEach(function (e) { if (e.title) { e.title = asElement(e.title); } });

  var nodes = new vis.DataSet(nodeList);
  var edges = new vis.DataSet(edgeList);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  state.nodes = nodes;
  state.edges = edges;
  state.network = network;
  state.nodeCount = nodes.length;

  /* Ready = drawn and no longer moving: physics off, or its stabilisation finished
   * (then physics is switched off so a projected network holds still). */
  var settled = !(options.physics && options.physics.enabled);
  function maybeReady() {
    if (settled && state.firstDrawMs !== null) {
      setTimeout(function () { if (state.readyMs === null) { state.readyMs = performance.now(); } }, 0);
    }
  }
  network.once("afterDrawing", function () {
    state.firstDrawMs = performance.now();
    maybeReady();
  });
  network.once("stabilizationIterationsDone", function () {
    settled = true;
    network.setOptions({ physics: { enabled: false } });
    maybeReady();
  });

  var info = document.getElementById("pg-info");
  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }
  function showInfo(id) {
    var node = nodes.get(id);
    if (!node || !info) { return; }
    info.innerHTML = "";
    var heading = document.createElement("h2");
    heading.textContent = "选中的节点";
    info.appendChild(heading);
    info.appendChild(asElement(tips[id] || ""));
    if (node.ego_url) { info.appendChild(link(node.ego_url, "以此为中心查看")); }
    if (node.api_url) { info.appendChild(link(node.api_url, "详细信息（API）")); }
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      showInfo(params.nodes[0]);
      network.focus(params.nodes[0], { scale: Math.max(network.getScale(), 1.0),
                                       animation: { duration: 300 } });
    }
  });
  network.on("doubleClick", function (params) {
    var node = params.nodes.length ? nodes.get(params.nodes[0]) : null;
    if (node && node.ego_url) { window.location.href = node.ego_url; }
  });
})();
