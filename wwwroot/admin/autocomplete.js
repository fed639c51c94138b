// Django's autocomplete_fields: each .admin-autocomplete becomes an ARIA combobox (a text box that owns a listbox of
// options; arrows move, Enter chooses, Escape closes) over /admin/autocomplete/. The key input stays in the form,
// hidden, and is what gets posted; without this script the key input is shown instead, with the current name beside it.
(function () {
  "use strict";

  var DELAY = 250;

  function enhance(widget) {
    var url = widget.getAttribute("data-autocomplete-url");
    var key = document.getElementById(widget.getAttribute("data-key-input"));
    var box = widget.querySelector(".admin-autocomplete-box");
    var search = box.querySelector("[role=combobox]");
    var list = box.querySelector("[role=listbox]");
    var status = box.querySelector("[role=status]");
    var current = widget.querySelector(".admin-autocomplete-current");
    var chosenText = search.value;
    var page = 1;
    var term = "";
    var timer = 0;
    var active = -1;
    var request = 0;

    key.type = "hidden";
    current.hidden = true;
    box.hidden = false;
    var label = document.querySelector("label[for='" + key.id + "']");
    if (label) label.htmlFor = search.id;

    function options() {
      return Array.prototype.slice.call(list.querySelectorAll("[role=option]"));
    }

    function open() {
      list.hidden = false;
      search.setAttribute("aria-expanded", "true");
    }

    function close() {
      list.hidden = true;
      search.setAttribute("aria-expanded", "false");
      search.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var all = options();
      if (all.length === 0) return;
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
        option.classList.toggle("active", i === active);
      });
      search.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function choose(option) {
      if (option.hasAttribute("data-more")) {
        load(term, page + 1, true);
        return;
      }
      set(option.getAttribute("data-value"), option.textContent);
      close();
      status.textContent = option.textContent + " chosen.";
    }

    function set(value, text) {
      key.value = value;
      chosenText = text;
      search.value = text;
      key.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function option(id, text, value) {
      var item = document.createElement("li");
      item.id = id;
      item.className = "list-group-item list-group-item-action py-1";
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", "false");
      item.textContent = text;
      if (value === null) item.setAttribute("data-more", "");
      else item.setAttribute("data-value", value);
      // mousedown, not click: it comes before the text box loses focus, which would close the list.
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        choose(item);
      });
      return item;
    }

    function load(text, number, append) {
      var mine = ++request;
      var address = url + "&term=" + encodeURIComponent(text) + "&page=" + number;
      fetch(address, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          if (mine !== request) return;
          term = text;
          page = number;
          var more = list.querySelector("[data-more]");
          if (more) more.remove();
          if (!append) list.textContent = "";
          var start = options().length;
          data.results.forEach(function (result, i) {
            list.appendChild(option(list.id + "-" + (start + i), result.text, result.id));
          });
          if (data.pagination.more) list.appendChild(option(list.id + "-more", "Load more results…", null));
          var count = options().filter(function (o) { return !o.hasAttribute("data-more"); }).length;
          status.textContent = count === 0 ? "No results." : count + (data.pagination.more ? " or more" : "") + " results. Use the arrow keys to choose.";
          if (count === 0) list.appendChild(emptyNote());
          open();
          if (append) highlight(start);
        })
        .catch(function () {
          if (mine === request) status.textContent = "Searching failed. Try again.";
        });
    }

    function emptyNote() {
      var item = document.createElement("li");
      item.className = "list-group-item py-1 text-body-secondary";
      item.textContent = "No results";
      return item;
    }

    search.addEventListener("input", function () {
      window.clearTimeout(timer);
      if (search.value.trim() === "" && !key.required) {
        set("", "");
      }
      timer = window.setTimeout(function () { load(search.value, 1, false); }, DELAY);
    });

    search.addEventListener("keydown", function (event) {
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          if (list.hidden) load(search.value === chosenText ? "" : search.value, 1, false);
          else highlight(active + 1);
          break;
        case "ArrowUp":
          event.preventDefault();
          if (!list.hidden) highlight(active - 1);
          break;
        case "Enter":
          // Enter chooses the highlighted option; it never submits the form from here while the list is open.
          if (!list.hidden) {
            event.preventDefault();
            if (active >= 0) choose(options()[active]);
          }
          break;
        case "Escape":
          if (!list.hidden) {
            event.preventDefault();
            close();
          } else {
            search.value = chosenText;
          }
          break;
        case "Tab":
          close();
          break;
      }
    });

    search.addEventListener("blur", function () {
      close();
      // Text typed but not chosen would post the old key under a new name: show the chosen object again.
      if (search.value !== chosenText && (search.value.trim() !== "" || key.required)) search.value = chosenText;
    });

    // An object added or changed in a popup (related.js) becomes the choice.
    key.addEventListener("admin:chosen", function (event) {
      chosenText = event.detail.text;
      search.value = event.detail.text;
    });
  }

  document.querySelectorAll(".admin-autocomplete[data-autocomplete-url]").forEach(enhance);
})();
