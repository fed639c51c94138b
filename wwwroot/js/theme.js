// Colour theme for the site and the admin (loaded in <head>, so the page never paints in the wrong theme).
// The system's dark mode is followed until the visitor presses a #theme-toggle; that choice is then remembered.
(function () {
  var root = document.documentElement;
  var system = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function chosen() {
    try {
      // "admin-theme" is where the admin remembered the choice before the site had a toggle.
      var theme = localStorage.getItem("theme") || localStorage.getItem("admin-theme");
      return theme === "dark" || theme === "light" ? theme : null;
    } catch (e) { return null; /* storage may be blocked: follow the system */ }
  }

  function current() { return chosen() || (system && system.matches ? "dark" : "light"); }

  function apply() {
    root.setAttribute("data-bs-theme", current());
    var toggle = document.getElementById("theme-toggle");
    if (toggle) {
      var dark = current() === "dark";
      toggle.setAttribute("aria-pressed", dark ? "true" : "false");
      toggle.textContent = dark ? "Light mode" : "Dark mode";
    }
  }

  apply();
  if (system && system.addEventListener) system.addEventListener("change", apply);

  document.addEventListener("DOMContentLoaded", function () {
    var toggle = document.getElementById("theme-toggle");
    if (!toggle) return;
    toggle.hidden = false;
    apply();
    toggle.addEventListener("click", function () {
      try { localStorage.setItem("theme", current() === "dark" ? "light" : "dark"); } catch (e) { /* not remembered */ }
      apply();
    });
  });
})();
