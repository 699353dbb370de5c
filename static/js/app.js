// Behaviour every page shares, bound from data- attributes: the Content-Security-Policy runs
// no inline script, event handler (onclick=...) or style attribute, so templates say what they
// want with these attributes and this file does it.
//   data-confirm="Question?"  on a form or a button: ask before submitting or following it
//   data-autosubmit           on a field: submit its form when the value changes
//   data-clear-slot           on a button: empty the enclosing .form-slot (cancel an inline form)
//   data-remove-on-error      on an image: remove it when it cannot be loaded
//   data-width="42"           set the element's width to 42% (progress and report bars)
//   table.table-cards         below 576 px each row shows as a card: each cell gets its
//                             column's heading as data-label (static/css/app.css shows it)
(function () {
  "use strict";

  function confirmed(element) {
    var question = element.getAttribute("data-confirm");
    return question === null || window.confirm(question);
  }

  function refuse(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  // Capture phase: the question comes before htmx or any other listener sees the event.
  document.addEventListener("submit", function (event) {
    if (!confirmed(event.target)) refuse(event);
  }, true);

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-confirm]:not(form), [data-clear-slot]");
    if (!target) return;
    if (target.hasAttribute("data-clear-slot")) {
      var slot = target.closest(".form-slot");
      if (slot) slot.replaceChildren();
    } else if (!confirmed(target)) {
      refuse(event);
    }
  }, true);

  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.hasAttribute && field.hasAttribute("data-autosubmit") && field.form) {
      field.form.requestSubmit();
    }
  });

  // Image errors do not bubble: listen in the capture phase.
  document.addEventListener("error", function (event) {
    var element = event.target;
    if (element.tagName === "IMG" && element.hasAttribute("data-remove-on-error")) element.remove();
  }, true);

  function within(root, selector) {
    var found = Array.from(root.querySelectorAll(selector));
    return root.matches && root.matches(selector) ? [root].concat(found) : found;
  }

  function labelCells(table) {
    var headings = Array.from(table.querySelectorAll("thead th")).map(function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var column = 0;
      Array.from(row.children).forEach(function (cell) {
        if (!cell.hasAttribute("data-label")) cell.setAttribute("data-label", headings[column] || "");
        column += cell.colSpan || 1;
      });
    });
  }

  function setUp(root) {
    within(root, "table.table-cards").forEach(labelCells);
    if (root.closest) {
      var table = root.closest("table.table-cards");
      if (table) labelCells(table);
    }
    within(root, "[data-width]").forEach(function (element) {
      var percent = parseFloat(String(element.getAttribute("data-width")).replace(",", "."));
      element.style.width = Math.max(0, Math.min(100, percent || 0)) + "%";
    });
    within(root, "img[data-remove-on-error]").forEach(function (image) {
      if (image.complete && image.naturalWidth === 0 && image.getAttribute("src")) image.remove();
    });
  }

  // htmx calls this for the page and again for every piece of content it swaps in.
  if (window.htmx) {
    window.htmx.onLoad(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", function () { setUp(document.body); });
  }
})();
