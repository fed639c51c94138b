// Django's prepopulated_fields: on the add form, an input marked data-prepopulate-from="id_Name" is filled with a slug of
// those inputs while the user types in them, until the user edits it by hand.
(function () {
  "use strict";

  function slugify(text, maxLength) {
    var slug = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    if (maxLength > 0) slug = slug.slice(0, maxLength).replace(/-+$/g, "");
    return slug;
  }

  document.querySelectorAll("[data-prepopulate-from]").forEach(function (target) {
    var sources = target.getAttribute("data-prepopulate-from").split(" ")
      .map(function (id) { return document.getElementById(id); })
      .filter(function (source) { return source; });
    if (sources.length === 0) return;
    // A value already there (a form shown again with errors) or typed by hand is the user's: leave it.
    var edited = target.value !== "";
    target.addEventListener("input", function () { edited = target.value !== ""; });

    function fill() {
      if (edited) return;
      var text = sources.map(function (source) { return source.value; }).join(" ");
      target.value = slugify(text, parseInt(target.getAttribute("maxlength") || "0", 10));
    }

    sources.forEach(function (source) {
      source.addEventListener("input", fill);
    });
  });
})();
