// Draws every figure registered in the page (the JSON block "takt-figures") with Plotly.
(function () {
  "use strict";
  var specs = JSON.parse(document.getElementById("takt-figures").textContent);
  var config = {responsive: true, displaylogo: false};
  Object.keys(specs).forEach(function (id) {
    var element = document.getElementById(id);
    if (element) { Plotly.newPlot(element, specs[id].data, specs[id].layout, config); }
  });
})();
