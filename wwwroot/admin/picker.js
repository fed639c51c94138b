// Django's filter_horizontal: each <select multiple data-picker> becomes two labelled panes, "Available" and "Chosen",
// each with a filter box, and buttons to move options between them. The original select stays in the form (hidden)
// and is what gets posted, so the server sees exactly what a plain multi-select sends.
(function () {
  "use strict";

  function option(source) {
    var copy = document.createElement("option");
    copy.value = source.value;
    copy.textContent = source.textContent;
    return copy;
  }

  function enhance(select) {
    var name = select.getAttribute("data-picker") || select.name;
    var id = select.id;
    var lower = name.toLowerCase();

    function pane(kind, title) {
      var box = document.createElement("div");
      box.className = "admin-picker-pane flex-fill";
      var label = document.createElement("label");
      label.className = "form-label small fw-semibold mb-1";
      label.htmlFor = id + "_" + kind;
      label.textContent = title + " " + lower;
      var filter = document.createElement("input");
      filter.type = "search";
      filter.className = "form-control form-control-sm mb-1";
      filter.id = id + "_" + kind + "_filter";
      filter.placeholder = "Filter";
      filter.setAttribute("aria-label", "Filter " + title.toLowerCase() + " " + lower);
      var list = document.createElement("select");
      list.multiple = true;
      list.className = "form-select form-select-sm";
      list.id = id + "_" + kind;
      list.size = 8;
      box.append(label, filter, list);
      return { box: box, filter: filter, list: list };
    }

    function button(text, label) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "btn btn-sm btn-outline-secondary";
      b.textContent = text;
      b.setAttribute("aria-label", label);
      return b;
    }

    var available = pane("from", "Available");
    var chosen = pane("to", "Chosen");
    var choose = button("Choose →", "Choose selected " + lower);
    var remove = button("← Remove", "Remove selected " + lower);
    var chooseAll = button("Choose all", "Choose all " + lower);
    var removeAll = button("Remove all", "Remove all " + lower);
    var buttons = document.createElement("div");
    buttons.className = "admin-picker-buttons d-flex flex-column justify-content-center gap-1";
    buttons.append(choose, remove, chooseAll, removeAll);
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");

    var widget = document.createElement("div");
    widget.className = "admin-picker d-flex flex-column flex-md-row gap-2";
    widget.setAttribute("role", "group");
    widget.setAttribute("aria-label", name);
    widget.append(available.box, buttons, chosen.box, status);
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    select.after(widget);
    var fieldLabel = document.querySelector("label[for='" + id + "']");
    if (fieldLabel) fieldLabel.htmlFor = available.list.id;

    function render() {
      [available, chosen].forEach(function (side) {
        var wantSelected = side === chosen;
        var text = side.filter.value.trim().toLowerCase();
        var kept = {};
        Array.prototype.forEach.call(side.list.selectedOptions, function (o) { kept[o.value] = true; });
        side.list.textContent = "";
        Array.prototype.forEach.call(select.options, function (o) {
          if (o.selected !== wantSelected) return;
          if (text && o.textContent.toLowerCase().indexOf(text) < 0) return;
          var copy = option(o);
          copy.selected = !!kept[o.value];
          side.list.append(copy);
        });
      });
      status.textContent = select.selectedOptions.length + " " + lower + " chosen";
    }

    function move(from, toSelected, all) {
      var values = {};
      Array.prototype.forEach.call(from.list.options, function (o) { if (all || o.selected) values[o.value] = true; });
      Array.prototype.forEach.call(select.options, function (o) { if (values[o.value]) o.selected = toSelected; });
      render();
    }

    choose.addEventListener("click", function () { move(available, true, false); });
    remove.addEventListener("click", function () { move(chosen, false, false); });
    chooseAll.addEventListener("click", function () { move(available, true, true); });
    removeAll.addEventListener("click", function () { move(chosen, false, true); });
    available.list.addEventListener("dblclick", function () { move(available, true, false); });
    chosen.list.addEventListener("dblclick", function () { move(chosen, false, false); });
    // Enter moves the highlighted options, like a double click, for keyboard users.
    available.list.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); move(available, true, false); } });
    chosen.list.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); move(chosen, false, false); } });
    available.filter.addEventListener("input", render);
    chosen.filter.addEventListener("input", render);
    // Enter in a filter box must not submit the form.
    [available.filter, chosen.filter].forEach(function (f) {
      f.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
    });
    render();
  }

  document.querySelectorAll("select[multiple][data-picker]").forEach(enhance);
})();
