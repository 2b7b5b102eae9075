// The report's interactive Gantt chart (see _gantt.py): one lane per machine, named as in the
// result file; operations coloured by product, setups grey, downtime and maintenance in their own
// colours. A time window of the run is drawn; the controls move and resize it, and the statement
// above the chart says which window it is and how many operations it holds. The container's
// data-* attributes carry those counts (the browser test checks them against the bars drawn).
(function () {
  "use strict";
  var root = document.getElementById("gantt");
  if (!root) { return; }
  var HOUR = 3600;
  var NICE_HOURS = [0.25, 0.5, 1, 2, 4, 8, 12, 24, 48, 72, 168, 336, 720, 1440, 2160, 4320, 8760];
  var mostBars = Number(root.dataset.mostBars);
  // Operations arrive compact (see _gantt.py): tenths of a second, start and job as differences
  // from the previous row, duration and setup lead instead of end and setup start.
  function decode(data) {
    var o = data.operations, n = o.start.length, t = 0, j = 0;
    var start = new Float64Array(n), end = new Float64Array(n), setup = new Array(n), job = new Array(n);
    for (var i = 0; i < n; i++) {
      t += o.start[i]; j += o.job[i];
      start[i] = t / 10; end[i] = (t + o.duration[i]) / 10; job[i] = j;
      setup[i] = o.setupLead[i] === null ? null : (t - o.setupLead[i]) / 10;
    }
    o.start = start; o.end = end; o.setup = setup; o.job = job;
    return data;
  }
  var sources = root.dataset.sources.split(",").map(function (id) {
    return decode(JSON.parse(document.getElementById("data-" + id).textContent));
  });
  var controls = root.querySelector(".controls");
  var note = document.getElementById("gantt-window");
  var chart = document.getElementById("gantt-chart");
  var state = {source: 0, start: 0, length: 0};

  function overlaps(start, end, from, to) { return start < to && end > from; }

  function countOperations(data, from, to) {
    var ops = data.operations, n = 0;
    for (var i = 0; i < ops.start.length; i++) { if (overlaps(ops.start[i], ops.end[i], from, to)) { n++; } }
    return n;
  }

  function hoursText(h) {
    if (h >= 48 && Math.abs(h / 24 - Math.round(h / 24)) < 1e-9) { return (h / 24) + " d"; }
    return (Math.round(h * 100) / 100) + " h";
  }

  function lengths(data) {
    var horizon = data.horizon / HOUR;
    var list = NICE_HOURS.filter(function (h) { return h < horizon; });
    list.push(horizon);
    return list;
  }

  function defaultLength(data) {
    var list = lengths(data), best = list[0];
    if (countOperations(data, 0, data.horizon) <= mostBars) { return list[list.length - 1]; }
    list.forEach(function (h) { if (countOperations(data, 0, h * HOUR) <= mostBars) { best = Math.max(best, h); } });
    return best;
  }

  function element(tag, attributes, text) {
    var e = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (k) { e.setAttribute(k, attributes[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function buildControls() {
    controls.textContent = "";
    var data = sources[state.source];
    if (sources.length > 1) {
      var pick = element("select", {id: "gantt-variant"});
      sources.forEach(function (s, i) { pick.appendChild(element("option", {value: i}, s.variant)); });
      pick.value = String(state.source);
      pick.addEventListener("change", function () {
        state.source = Number(pick.value); state.start = 0; state.length = defaultLength(sources[state.source]);
        buildControls(); draw();
      });
      var label = element("label", {}, "variant "); label.appendChild(pick); controls.appendChild(label);
    }
    var start = element("input", {type: "number", id: "gantt-start", min: 0, step: "any", value: state.start});
    var size = element("select", {id: "gantt-length"});
    lengths(data).forEach(function (h, i, all) {
      var text = i === all.length - 1 ? "whole run (" + hoursText(h) + ")" : hoursText(h);
      size.appendChild(element("option", {value: h}, text));
    });
    if (lengths(data).indexOf(state.length) < 0) { size.appendChild(element("option", {value: state.length},
                                                                            hoursText(state.length))); }
    size.value = String(state.length);
    var back = element("button", {type: "button", id: "gantt-back"}, "◀ earlier");
    var next = element("button", {type: "button", id: "gantt-next"}, "later ▶");
    start.addEventListener("change", function () { state.start = Math.max(0, Number(start.value) || 0); draw(); });
    size.addEventListener("change", function () { state.length = Number(size.value); draw(); });
    back.addEventListener("click", function () { state.start = Math.max(0, state.start - state.length); draw(); });
    next.addEventListener("click", function () {
      state.start = Math.min(state.start + state.length, Math.max(0, data.horizon / HOUR - state.length)); draw();
    });
    var l1 = element("label", {}, "window from (h) "); l1.appendChild(start);
    var l2 = element("label", {}, "length "); l2.appendChild(size);
    [l1, l2, back, next].forEach(function (e) { controls.appendChild(e); });
  }

  function draw() {
    var data = sources[state.source];
    var from = state.start * HOUR, to = Math.min(data.horizon, (state.start + state.length) * HOUR);
    var startInput = document.getElementById("gantt-start");
    if (startInput) { startInput.value = state.start; }
    var ops = data.operations, perProduct = data.products.map(function () {
      return {y: [], base: [], x: [], customdata: []};
    });
    var setups = {y: [], base: [], x: []}, shown = 0, setupCount = 0;
    for (var i = 0; i < ops.start.length; i++) {
      var s = ops.start[i], e = ops.end[i];
      var setup = ops.setup[i];
      if (setup !== null && overlaps(setup, s, from, to) && s > setup) {
        setups.y.push(data.lanes[ops.lane[i]]); setups.base.push(setup / HOUR); setups.x.push((s - setup) / HOUR);
        setupCount++;
      }
      if (!overlaps(s, e, from, to)) { continue; }
      shown++;
      var p = perProduct[ops.product[i]];
      p.y.push(data.lanes[ops.lane[i]]); p.base.push(s / HOUR); p.x.push((e - s) / HOUR);
      var name = ops.operation[i] >= 0 ? data.operationNames[ops.operation[i]] : "step " + ops.operation[i];
      p.customdata.push([ops.job[i], name, (s / HOUR).toFixed(3), (e / HOUR).toFixed(3),
                         data.outcomes[ops.outcome[i]] || ""]);
    }
    var traces = [];
    perProduct.forEach(function (p, k) {
      if (p.x.length === 0) { return; }
      traces.push({type: "bar", orientation: "h", name: data.products[k], y: p.y, base: p.base, x: p.x,
                   customdata: p.customdata, marker: {color: data.colours[k], line: {width: 0}},
                   hovertemplate: "job %{customdata[0]} · " + data.products[k] +
                     "<br>%{customdata[1]} on %{y}<br>%{customdata[2]} h – %{customdata[3]} h" +
                     "<br>then: %{customdata[4]}<extra></extra>"});
    });
    if (setups.x.length) {
      traces.push({type: "bar", orientation: "h", name: "setup", y: setups.y, base: setups.base, x: setups.x,
                   marker: {color: "#bdbdbd"}, hovertemplate: "setup on %{y}<extra></extra>"});
    }
    var iv = data.intervals, counts = data.intervalStates.map(function () { return 0; });
    data.intervalStates.forEach(function (kind, k) {
      var t = {type: "bar", orientation: "h", name: kind.name, y: [], base: [], x: [], customdata: [],
               marker: {color: kind.colour, opacity: 0.85},
               hovertemplate: kind.name + " on %{y}<br>%{customdata[0]} h – %{customdata[1]} h<extra></extra>"};
      for (var j = 0; j < iv.start.length; j++) {
        if (iv.kind[j] !== k || !overlaps(iv.start[j], iv.end[j], from, to)) { continue; }
        t.y.push(data.lanes[iv.lane[j]]); t.base.push(iv.start[j] / HOUR); t.x.push((iv.end[j] - iv.start[j]) / HOUR);
        t.customdata.push([(iv.start[j] / HOUR).toFixed(3), (iv.end[j] / HOUR).toFixed(3)]);
        counts[k]++;
      }
      if (t.x.length) { traces.push(t); }
    });
    // Every lane, also an idle one, keeps its row: an invisible point per lane.
    traces.push({type: "scatter", mode: "markers", x: data.lanes.map(function () { return from / HOUR; }),
                 y: data.lanes, marker: {opacity: 0}, hoverinfo: "skip", showlegend: false});
    var total = ops.start.length;
    note.textContent = "Variant " + data.variant + ", replication " + data.replication + ": window " +
      hoursText(from / HOUR) + " – " + hoursText(to / HOUR) + " of " + hoursText(data.horizon / HOUR) + " · " +
      shown.toLocaleString("en") + " of " + total.toLocaleString("en") + " operations in this window" +
      (shown === total ? " (all)" : "") + " · " + counts.map(function (c, k) {
        return c + " " + data.intervalStates[k].name;
      }).join(" · ");
    root.dataset.variant = data.variant;
    root.dataset.windowStart = from / HOUR; root.dataset.windowEnd = to / HOUR;
    root.dataset.operations = shown; root.dataset.setups = setupCount;
    root.dataset.intervals = counts.reduce(function (a, b) { return a + b; }, 0);
    root.dataset.bars = shown + setupCount + Number(root.dataset.intervals);
    var layout = {height: 110 + 24 * data.lanes.length, barmode: "overlay", bargap: 0.25, dragmode: "zoom",
                  margin: {l: 110, r: 20, t: 30, b: 50}, font: {family: "sans-serif", size: 12},
                  xaxis: {title: {text: "time (h)"}, range: [from / HOUR, to / HOUR]},
                  yaxis: {type: "category", categoryorder: "array", categoryarray: data.lanes,
                          autorange: "reversed", automargin: true},
                  legend: {orientation: "h", y: -0.12 - 8 / (data.lanes.length + 4)}};
    Plotly.react(chart, traces, layout, {responsive: true, displaylogo: false, scrollZoom: true});
  }

  var match = /gantt=([0-9.]+),([0-9.]+)/.exec(window.location.hash);
  state.length = defaultLength(sources[0]);
  if (match) { state.start = Number(match[1]); state.length = Number(match[2]); }
  buildControls();
  draw();
})();
