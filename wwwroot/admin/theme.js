// Applies the remembered colour theme before the page paints (no flash of the wrong theme).
(function () {
  try {
    var theme = localStorage.getItem("admin-theme");
    if (theme === "dark" || theme === "light") document.documentElement.setAttribute("data-bs-theme", theme);
  } catch (e) { /* storage may be blocked; the light theme stays */ }
})();
