// The sweep report's two charts (see _sweep.py), drawn from the data block "sweep": a KPI against
// a parameter (coloured by another), and two KPIs against each other (the trade-off), one marker
// per sweep point with its confidence interval. Selects choose the KPIs and parameters.
(function () {
  "use strict";
  var block = document.getElementById("data-sweep");
  if (!block) { return; }
  var data = JSON.parse(block.textContent);
  var PALETTE = ["#4c78a8", "#f58518", "#54a24b", "#b279a2", "#72b7b2", "#eeca3b", "#9d755d", "#ff9da6"];
  var config = {responsive: true, displaylogo: false};

  function select(id, options, value, label, parent, onChange) {
    var wrap = document.createElement("label"); wrap.textContent = label + " ";
    var s = document.createElement("select"); s.id = id;
    options.forEach(function (o) { var e = document.createElement("option"); e.value = o; e.textContent = o; s.appendChild(e); });
    s.value = value; s.addEventListener("change", onChange);
    wrap.appendChild(s); parent.appendChild(wrap); return s;
  }
  function axisTitle(kpi) { return data.units[kpi] ? kpi + " [" + data.units[kpi] + "]" : kpi; }
  function levels(parameter) {
    var seen = []; data.values[parameter].forEach(function (v) { if (seen.indexOf(v) < 0) { seen.push(v); } });
    return seen;
  }
  function indices(parameter, level) {
    var out = []; data.values[parameter].forEach(function (v, i) { if (v === level) { out.push(i); } });
    return out;
  }
  var first = data.parameters[0], second = data.parameters[1] || data.parameters[0];

  // 1. A KPI against a parameter.
  var c1 = document.getElementById("sweep-kpi-controls");
  var kpi = select("sweep-kpi-select", data.kpis, data.kpis[0], "KPI", c1, drawByParameter);
  var xParameter = select("sweep-x-select", data.parameters, second, "against", c1, drawByParameter);
  var colourParameter = select("sweep-colour-select", data.parameters, first, "colour by", c1, drawByParameter);
  function drawByParameter() {
    var k = kpi.value, x = xParameter.value, c = colourParameter.value;
    var traces = levels(c).map(function (level, n) {
      var rows = indices(c, level);
      return {type: "scatter", mode: "lines+markers", name: c + " = " + level,
              x: rows.map(function (i) { return data.values[x][i]; }),
              y: rows.map(function (i) { return data.mean[k][i]; }),
              error_y: {type: "data", array: rows.map(function (i) { return data.halfWidth[k][i]; }), visible: true},
              marker: {color: PALETTE[n % PALETTE.length], size: 8}};
    });
    Plotly.react("sweep-kpi", traces, {height: 420, margin: {l: 70, r: 20, t: 40, b: 60},
      title: {text: k + " against " + x + " (mean ± CI per point)"},
      xaxis: {title: {text: x}, type: typeof data.values[x][0] === "string" ? "category" : "linear"},
      yaxis: {title: {text: axisTitle(k)}}}, config);
  }

  // 2. The trade-off between two KPIs.
  var c2 = document.getElementById("sweep-tradeoff-controls");
  var xKpi = select("sweep-tradeoff-x", data.kpis, data.kpis[0], "x", c2, drawTradeoff);
  var yKpi = select("sweep-tradeoff-y", data.kpis, data.kpis[1] || data.kpis[0], "y", c2, drawTradeoff);
  function drawTradeoff() {
    var x = xKpi.value, y = yKpi.value;
    var traces = levels(first).map(function (level, n) {
      var rows = indices(first, level);
      return {type: "scatter", mode: "markers+text", name: first + " = " + level,
              x: rows.map(function (i) { return data.mean[x][i]; }),
              y: rows.map(function (i) { return data.mean[y][i]; }),
              text: rows.map(function (i) { return String(data.values[second][i]); }),
              textposition: "top right", textfont: {size: 10, color: PALETTE[n % PALETTE.length]},
              error_x: {type: "data", array: rows.map(function (i) { return data.halfWidth[x][i]; }), visible: true},
              error_y: {type: "data", array: rows.map(function (i) { return data.halfWidth[y][i]; }), visible: true},
              marker: {color: PALETTE[n % PALETTE.length], size: 9},
              customdata: rows.map(function (i) { return data.points[i]; }),
              hovertemplate: "point %{customdata}: %{text}<br>" + x + " %{x:.4g}<br>" + y + " %{y:.4g}<extra></extra>"};
    });
    Plotly.react("sweep-tradeoff", traces, {height: 520, margin: {l: 80, r: 20, t: 40, b: 60},
      title: {text: y + " against " + x + ": lower left is better on both"},
      xaxis: {title: {text: axisTitle(x)}}, yaxis: {title: {text: axisTitle(y)}}}, config);
  }
  drawByParameter();
  drawTradeoff();
})();
