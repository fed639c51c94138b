// Django's related-object popups: the "add another" and "change selected" links beside a foreign key open the related
// form in a popup window named after the field; when the popup saves, its answer page (popup_response.js) posts the
// object's key and name back here, and the field chooses it. Without this script the links open the page in a new tab.
(function () {
  "use strict";

  function linksFor(field) {
    return document.querySelector("[data-related-for='" + CSS.escape(field.id) + "']");
  }

  // The change link follows the chosen key (Django's __fk__ template).
  function follow(field) {
    var links = linksFor(field);
    var change = links && links.querySelector("[data-href-template]");
    if (!change) return;
    change.hidden = !field.value;
    change.href = field.value ? change.getAttribute("data-href-template").replace("__fk__", encodeURIComponent(field.value)) : "#";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-popup]");
    if (!link) return;
    var links = link.closest("[data-related-for]");
    var popup = window.open(link.href, links ? links.getAttribute("data-related-for") : "", "popup,width=960,height=700,resizable=yes,scrollbars=yes");
    if (!popup) return; // blocked: the link opens a tab as it would without this script
    event.preventDefault();
    popup.focus();
  });

  document.addEventListener("change", function (event) {
    if (event.target.id && linksFor(event.target)) follow(event.target);
  });

  window.addEventListener("message", function (event) {
    if (event.origin !== window.location.origin) return;
    var data = event.data;
    if (!data || data.type !== "admin:popup-response" || typeof data.field !== "string") return;
    var field = document.getElementById(data.field);
    if (!field || !linksFor(field)) return;
    if (field.tagName === "SELECT") {
      var option = Array.prototype.find.call(field.options, function (o) { return o.value === data.value; });
      if (!option) {
        option = new Option(data.text, data.value);
        field.add(option);
      } else {
        option.textContent = data.text;
      }
      field.value = data.value;
    } else {
      field.value = data.value;
      field.dispatchEvent(new CustomEvent("admin:chosen", { detail: { value: data.value, text: data.text } }));
    }
    field.dispatchEvent(new Event("change", { bubbles: true }));
    if (event.source && typeof event.source.close === "function") event.source.close();
  });
})();
