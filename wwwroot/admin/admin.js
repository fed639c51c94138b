// Progressive enhancements for the admin; every page works without this file.
(function () {
  "use strict";

  // The dark mode toggle is wired by /js/theme.js, shared with the site.

  // Sidebar filter box: hides models whose name does not contain the text.
  var filter = document.getElementById("nav-filter");
  if (filter) {
    filter.hidden = false;
    filter.addEventListener("input", function () {
      var text = filter.value.trim().toLowerCase();
      document.querySelectorAll(".admin-nav-model").forEach(function (item) {
        item.hidden = text !== "" && item.getAttribute("data-model-name").indexOf(text) === -1;
      });
      document.querySelectorAll(".admin-nav-app").forEach(function (app) {
        app.hidden = app.querySelectorAll(".admin-nav-model:not([hidden])").length === 0;
      });
    });
  }

  // Changelist: select-page checkbox and the "x of y selected" counter.
  var form = document.getElementById("changelist-form");
  if (form) {
    var all = document.getElementById("action-toggle");
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input.action-select"));
    var counter = form.querySelector(".admin-selection-count");
    var across = document.getElementById("select-across");
    var update = function () {
      var checked = boxes.filter(function (b) { return b.checked; }).length;
      if (counter) {
        counter.textContent = across && across.checked
          ? "All " + counter.getAttribute("data-results") + " selected"
          : checked + " of " + boxes.length + " selected";
      }
      if (all) all.checked = checked === boxes.length && boxes.length > 0;
      boxes.forEach(function (b) { b.closest("tr").classList.toggle("table-active", b.checked); });
    };
    if (all) {
      all.hidden = false;
      all.addEventListener("change", function () {
        boxes.forEach(function (b) { b.checked = all.checked; });
        update();
      });
    }
    boxes.forEach(function (b) { b.addEventListener("change", update); });
    if (across) across.addEventListener("change", update);
    update();
  }
})();
