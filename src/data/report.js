// The report pages' only script: plain, no network. Filters: a divergence is shown when its
// severity and its kind are both checked; a row of the side-by-side table keeps its tint
// while one of its divergences is shown. Before printing, collapsed details are opened.
(function () {
  "use strict";
  var boxes = document.querySelectorAll(".filters input");
  function checked(attr) {
    var on = {};
    boxes.forEach(function (box) {
      if (box.hasAttribute(attr) && box.checked) { on[box.getAttribute(attr)] = true; }
    });
    return on;
  }
  function apply() {
    var severities = checked("data-severity");
    var kinds = checked("data-kind");
    document.querySelectorAll("li.divergence").forEach(function (item) {
      var shown = severities[item.dataset.severity] && kinds[item.dataset.kind];
      item.classList.toggle("hidden", !shown);
    });
    document.querySelectorAll("tr.marked").forEach(function (row) {
      var rowKinds = row.dataset.kinds.split(" ");
      var rowSeverities = row.dataset.severities.split(" ");
      var any = rowKinds.some(function (kind, i) { return kinds[kind] && severities[rowSeverities[i]]; });
      row.classList.toggle("dim", !any);
    });
  }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  if (boxes.length > 0) { apply(); }
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  document.body.dataset.ready = "true";
})();
