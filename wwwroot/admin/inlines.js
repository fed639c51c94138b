// Django's inline formsets: an "Add another …" button under each inline the user may add to. It copies the empty row
// kept in a <template> (never posted), numbers it with the management form's TOTAL_FORMS and counts it there, so the
// server sees exactly what the extra rows of a page without JavaScript would send.
(function () {
  "use strict";

  var numbered = ["name", "id", "for", "aria-describedby", "aria-labelledby", "data-prepopulate-from"];

  function number(root, index) {
    var elements = [root].concat(Array.prototype.slice.call(root.querySelectorAll("*")));
    elements.forEach(function (element) {
      numbered.forEach(function (attribute) {
        var value = element.getAttribute && element.getAttribute(attribute);
        if (value && value.indexOf("__prefix__") >= 0) element.setAttribute(attribute, value.split("__prefix__").join(String(index)));
      });
    });
  }

  function enhance(group) {
    var prefix = group.getAttribute("data-inline-prefix");
    var template = group.querySelector("template.admin-inline-empty");
    var rows = group.querySelector("[data-inline-rows]");
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var max = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
    if (!template || !rows || !total || !max) return;

    var button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-sm btn-outline-primary admin-inline-add";
    button.textContent = "Add another " + group.getAttribute("data-inline-name");

    function update() {
      button.hidden = parseInt(total.value, 10) >= parseInt(max.value, 10);
    }

    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var copy = template.content.cloneNode(true);
      var added = [];
      Array.prototype.forEach.call(copy.children, function (child) {
        number(child, index);
        added.push(child);
      });
      rows.appendChild(copy);
      total.value = String(index + 1);
      update();
      var first = added.length > 0 && added[added.length - 1].querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
    });

    var holder = document.createElement("div");
    holder.className = "mt-2";
    holder.appendChild(button);
    rows.closest(".card-body").appendChild(holder);
    update();
  }

  document.querySelectorAll("[data-inline-prefix]").forEach(enhance);
})();
