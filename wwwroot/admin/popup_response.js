// The page a popup form answers with after saving (Django's popup_response.js): it sends the saved object's key and
// name to the form that opened it (related.js there chooses it) and closes; opened without that form, it stays as a note.
(function () {
  "use strict";
  var answer = document.getElementById("admin-popup-response");
  if (!answer || !window.opener || window.opener.closed) return;
  window.opener.postMessage({
    type: "admin:popup-response",
    field: window.name,
    action: answer.getAttribute("data-action"),
    value: answer.getAttribute("data-value"),
    text: answer.getAttribute("data-text"),
  }, window.location.origin);
  window.close();
})();
