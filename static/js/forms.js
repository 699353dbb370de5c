// While a form is being sent its submit buttons are disabled, so a double click sends it once.
// (The server holds anyway: one-time form tokens and unique constraints; this spares the
// second request.) Left alone: GET forms, forms HTMX sends, and submits a handler cancelled
// (a confirmation answered "no").
(function () {
  "use strict";
  // A form that answers with a download leaves the page as it is: give the buttons back.
  var RELEASE_AFTER_MS = 8000;

  function submitButtons(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.type === "submit" && !el.disabled;
    });
  }

  function setBusy(buttons, busy) {
    buttons.forEach(function (button) {
      button.disabled = busy;
      if (busy) {
        button.setAttribute("data-busy", "1");
      } else {
        button.removeAttribute("data-busy");
      }
    });
  }

  function sentByHtmx(form) {
    return ["hx-post", "data-hx-post", "hx-put", "hx-delete"].some(function (name) {
      return form.hasAttribute(name);
    });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || (form.method || "").toLowerCase() !== "post" || sentByHtmx(form)) {
      return;
    }
    var buttons = submitButtons(form);
    // After this event the browser reads the form, the pressed button's name included;
    // disabling now would leave that name out (e.g. "Lưu và gửi").
    window.setTimeout(function () {
      setBusy(buttons, true);
      window.setTimeout(function () { setBusy(buttons, false); }, RELEASE_AFTER_MS);
    }, 0);
  });

  // A page shown again from the back/forward cache gets its buttons back.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      setBusy(Array.prototype.slice.call(document.querySelectorAll("[data-busy]")), false);
    }
  });
})();
