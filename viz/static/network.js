/* policygraph network pages: tooltips as elements, the info panel, re-centring, timings,
 * presentation mode and PNG/SVG export.
 * Expects `nodeList`, `edgeList`, `options`, `pageOptions` and `container` from the page. */
(function () {
  "use strict";
  var state = window.policygraph = { firstDrawMs: null, readyMs: null, nodeCount: 0,
                                     presenting: false };
  /* Presentation type is this much larger; positions grow alike, so labels keep apart. */
  var PRESENT = 20 / 14;

  /* vis-network shows string titles as plain text; the page builds its tooltips in
   * Python from escaped document text, so turning them into elements is safe. */
  function asElement(html) {
    var div = document.createElement("div");
    div.className = "pg-tip";
    div.innerHTML = html;
    return div;
  }

  /* Labels are measured with the page's own font: draw only once it is loaded. */
  function whenFontReady(go) {
    if (!document.fonts || !document.getElementById("pg-font")) { go(); return; }
    var sample = nodeList.map(function (n) { return n.label || ""; }).join("") || "图";
    Promise.all([document.fonts.load("14px pg-cjk", sample),
                 document.fonts.load("bold 18px pg-cjk", sample)]).then(go, go);
  }

  function start() {
    var tips = {};
    nodeList.forEach(function (n) { if (n.title) { tips[n.id] = n.title; n.title = asElement(n.title); } });
    edgeList.forEach(function (e) { if (e.title) { e.title = asElement(e.title); } });
    var overlay = document.getElementById("pg-overlay");
    var baseFont = {};
    nodeList.forEach(function (n) { if (n.font) { baseFont[n.id] = n.font.size; } });

    var nodes = new vis.DataSet(nodeList);
    var edges = new vis.DataSet(edgeList);
    var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
    state.nodes = nodes;
    state.edges = edges;
    state.network = network;
    state.nodeCount = nodes.length;

    /* Open on the whole picture, unless that would make the type too small to read:
     * then at the smallest readable scale, on the centre node or the top left. */
    function readableView() {
      network.fit({ animation: false });
      var scale = network.getScale();
      if (scale >= pageOptions.minScale || !nodes.length) { return; }
      var pos = network.getPositions();
      var ids = Object.keys(pos);
      var centre = nodes.get({ filter: function (n) { return n.borderWidth === 4; } })[0];
      var s = pageOptions.minScale;
      var target;
      if (centre) {
        target = pos[centre.id];
      } else {
        /* The drawn boxes (shape and label) of all nodes: their top left corner, 20 px in. */
        var boxes = ids.map(function (k) { return network.getBoundingBox(k); });
        var minX = Math.min.apply(null, boxes.map(function (b) { return b.left; }));
        var minY = Math.min.apply(null, boxes.map(function (b) { return b.top; }));
        /* In presentation the legend sits on the top left: start the picture beside it. */
        var inset = state.presenting && overlay ? overlay.offsetWidth + 32 : 20;
        target = { x: minX - inset / s + container.clientWidth / (2 * s),
                   y: minY - 20 / s + container.clientHeight / (2 * s) };
      }
      network.moveTo({ position: target, scale: s, animation: false });
    }
    state.readableView = readableView;

    /* Ready = drawn, in its opening view, and no longer moving (physics off, or its
     * stabilisation finished; then physics is switched off so the picture holds still). */
    var settled = !(options.physics && options.physics.enabled);
    function maybeReady() {
      if (settled && state.firstDrawMs !== null) {
        setTimeout(function () { if (state.readyMs === null) { state.readyMs = performance.now(); } }, 0);
      }
    }
    network.once("afterDrawing", function () {
      state.firstDrawMs = performance.now();
      network.once("afterDrawing", maybeReady);
      readableView();
      network.redraw();
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

    /* Presentation: full window, larger type (positions scaled alike), legend on the picture. */
    function present(on) {
      if (on === state.presenting) { return; }
      state.presenting = on;
      document.body.classList.toggle("pg-present", on);
      if (overlay) { overlay.hidden = !on; }
      var f = on ? PRESENT : 1 / PRESENT;
      var pos = network.getPositions();
      nodes.update(Object.keys(pos).map(function (id) {
        var change = { id: id, x: pos[id].x * f, y: pos[id].y * f };
        if (baseFont[id]) { change.font = { size: Math.round(baseFont[id] * (on ? PRESENT : 1)), bold: true }; }
        return change;
      }));
      network.setOptions({ nodes: { font: { size: Math.round(14 * (on ? PRESENT : 1)) } } });
      var root = document.documentElement;
      if (on && root.requestFullscreen) { root.requestFullscreen().catch(function () {}); }
      if (!on && document.fullscreenElement) { document.exitFullscreen().catch(function () {}); }
      network.setSize("100%", "100%");
      network.redraw();
      readableView();
    }
    state.present = present;
    function button(id, action) {
      var el = document.getElementById(id);
      if (el) { el.addEventListener("click", action); }
    }
    button("pg-present", function () { present(true); });
    button("pg-present-exit", function () { present(false); });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { present(false); } });
    document.addEventListener("fullscreenchange", function () {
      if (!document.fullscreenElement) { present(false); }
    });

    /* Export: the page carries the view's SVG picture (viz/svg.py); it is brought to the
     * nodes' current places, given the page's font, and saved, or drawn at 2x as PNG. */
    function pictureSvg() {
      var svg = document.getElementById("pg-picture").content.querySelector("svg").cloneNode(true);
      var graph = svg.querySelector("#pg-graph");
      var pos = network.getPositions();
      var f = state.presenting ? 1 / PRESENT : 1;
      var at = {};
      var lo = [Infinity, Infinity], hi = [-Infinity, -Infinity];
      graph.querySelectorAll("g.node").forEach(function (g) {
        var id = g.getAttribute("data-id");
        var p = pos[id] ? { x: pos[id].x * f, y: pos[id].y * f } : { x: 0, y: 0 };
        g.setAttribute("transform", "translate(" + p.x.toFixed(1) + " " + p.y.toFixed(1) + ")");
        at[id] = { x: p.x, y: p.y, r: +g.getAttribute("data-r") };
        var hw = +g.getAttribute("data-hw");
        lo = [Math.min(lo[0], p.x - hw), Math.min(lo[1], p.y + +g.getAttribute("data-top"))];
        hi = [Math.max(hi[0], p.x + hw), Math.max(hi[1], p.y + +g.getAttribute("data-bottom"))];
      });
      graph.querySelectorAll("path.edge").forEach(function (e) {
        var a = at[e.getAttribute("data-from")], b = at[e.getAttribute("data-to")];
        if (!a || !b) { return; }
        var len = Math.hypot(b.x - a.x, b.y - a.y), x0 = a.x, y0 = a.y, x1 = b.x, y1 = b.y;
        if (len > a.r + b.r) {
          var ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
          x0 += ux * a.r; y0 += uy * a.r; x1 -= ux * b.r; y1 -= uy * b.r;
        }
        e.setAttribute("d", "M" + x0.toFixed(1) + "," + y0.toFixed(1) + " L" + ((x0 + x1) / 2).toFixed(1) +
                       "," + ((y0 + y1) / 2).toFixed(1) + " L" + x1.toFixed(1) + "," + y1.toFixed(1));
      });
      var pad = +graph.getAttribute("data-pad"), left = +graph.getAttribute("data-left");
      if (isFinite(lo[0])) {
        var legend = svg.querySelector("#pg-legend rect");
        var legendHeight = legend ? +legend.getAttribute("height") : 0;
        var width = Math.ceil(left - lo[0] + hi[0] + pad);
        var height = Math.ceil(Math.max(hi[1] - lo[1] + 2 * pad, legendHeight + 2 * pad));
        graph.setAttribute("transform", "translate(" + (left - lo[0]).toFixed(1) + " " + (pad - lo[1]).toFixed(1) + ")");
        svg.setAttribute("width", width);
        svg.setAttribute("height", height);
        svg.setAttribute("viewBox", "0 0 " + width + " " + height);
      }
      var font = document.getElementById("pg-font");
      if (font) { svg.querySelector("#pg-svg-font").textContent = font.textContent; }
      return new XMLSerializer().serializeToString(svg);
    }
    state.pictureSvg = pictureSvg;
    function save(blob, name) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = name;
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    }
    function pictureName(ext) { return "policygraph-" + pageOptions.name + "." + ext; }
    button("pg-svg", function () {
      save(new Blob([pictureSvg()], { type: "image/svg+xml" }), pictureName("svg"));
    });
    button("pg-png", function () {
      var text = pictureSvg();
      var doc = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
      var width = +doc.getAttribute("width"), height = +doc.getAttribute("height");
      var img = new Image();
      img.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = 2 * width;  /* 2x for a projector */
        canvas.height = 2 * height;
        var ctx = canvas.getContext("2d");
        ctx.fillStyle = "#ffffff";
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
        canvas.toBlob(function (blob) { save(blob, pictureName("png")); }, "image/png");
      };
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text);
    });
  }

  whenFontReady(start);
})();
