// Behaviour every page shares, bound from data- attributes: the Content-Security-Policy runs
// no inline script, event handler (onclick=...) or style attribute, so templates say what they
// want with these attributes and this file does it.
//   data-confirm="Question?"  on a form or a button: ask before submitting or following it
//   data-autosubmit           on a field: submit its form when the value changes
//   data-clear-slot           on a button: empty the enclosing .form-slot (cancel an inline form)
//   data-remove-on-error      on an image: remove it when it cannot be loaded
//   data-width="42"           set the element's width to 42% (progress and report bars)
//   input type=date, datetime-local, time: a Vietnamese picker (flatpickr: dd/mm/yyyy, 24 h)
//                             whatever the browser's language; the form still posts ISO values
//   table.table-cards         below 576 px each row shows as a card: each cell gets its
//                             column's heading as data-label (static/css/app.css shows it;
//                             a heading's own data-label, when it has one, is used instead)
//   data-unit-search          a unit search field (conferences.widgets.UnitSearchWidget): a
//                             suggestion (data-unit-pick) becomes a chosen unit with its hidden
//                             input, data-unit-remove takes one away, Enter picks the first
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

  function pickUnit(box, pk, label) {
    var chosen = box.querySelector("[data-unit-chosen]");
    if (!box.hasAttribute("data-multiple")) chosen.replaceChildren();
    if (!chosen.querySelector('input[value="' + pk + '"]')) {
      var chip = document.createElement("span");
      chip.className = "badge text-bg-light border text-wrap text-start fw-normal fs-6";
      chip.textContent = label;
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = box.getAttribute("data-name");
      input.value = pk;
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "btn-close ms-2 align-middle";
      remove.setAttribute("aria-label", "Bỏ " + label);
      remove.setAttribute("data-unit-remove", "");
      chip.append(input, remove);
      chosen.append(chip);
    }
    box.querySelector("[data-unit-results]").replaceChildren();
    var search = box.querySelector('input[type="search"]');
    search.value = "";
    search.focus();
  }

  document.addEventListener("click", function (event) {
    var pick = event.target.closest("[data-unit-pick]");
    var remove = event.target.closest("[data-unit-remove]");
    if (pick) {
      pickUnit(pick.closest("[data-unit-search]"), pick.getAttribute("data-unit-pick"),
        pick.getAttribute("data-unit-label"));
    } else if (remove) {
      remove.parentElement.remove();
    }
  });

  document.addEventListener("keydown", function (event) {
    var box = event.target.closest && event.target.closest("[data-unit-search]");
    if (!box || event.key !== "Enter" || event.target.type !== "search") return;
    event.preventDefault();  // Enter in the search box picks; it does not send the form
    var first = box.querySelector("[data-unit-pick]");
    if (first) first.click();
  });

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
      return (th.getAttribute("data-label") || th.textContent).trim();  // a sortable header: no arrow
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var column = 0;
      Array.from(row.children).forEach(function (cell) {
        if (!cell.hasAttribute("data-label")) cell.setAttribute("data-label", headings[column] || "");
        column += cell.colSpan || 1;
      });
    });
  }

  var PICKERS = {
    "date": { dateFormat: "Y-m-d", altFormat: "d/m/Y", hint: "dd/mm/yyyy" },
    "datetime-local": { dateFormat: "Y-m-d\\TH:i", altFormat: "d/m/Y H:i", hint: "dd/mm/yyyy hh:mm", enableTime: true },
    "time": { dateFormat: "H:i", altFormat: "H:i", hint: "hh:mm", enableTime: true, noCalendar: true }
  };

  // What people type (15/3/2026, 15/03/2026 8:30, 8h30) and what the form holds (ISO) both read.
  function parseTyped(text) {
    var value = String(text || "").trim();
    var iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?/.exec(value);
    if (iso) return new Date(+iso[1], iso[2] - 1, +iso[3], +(iso[4] || 0), +(iso[5] || 0));
    var vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:h](\d{2}))?$/.exec(value);
    if (vn) return new Date(+vn[3], vn[2] - 1, +vn[1], +(vn[4] || 0), +(vn[5] || 0));
    var time = /^(\d{1,2})[:h](\d{2})$/.exec(value);
    if (time) {
      var today = new Date();
      today.setHours(+time[1], +time[2], 0, 0);
      return today;
    }
    return undefined;
  }

  function picker(input) {
    var kind = PICKERS[input.type];
    if (!kind || input._flatpickr || !window.flatpickr) return;
    var picked = window.flatpickr(input, {
      locale: window.flatpickr.l10ns.vn || "default",
      dateFormat: kind.dateFormat,
      altFormat: kind.altFormat,
      altInput: true,
      allowInput: true,
      disableMobile: true,
      parseDate: parseTyped,
      enableTime: !!kind.enableTime,
      noCalendar: !!kind.noCalendar,
      time_24hr: true
    });
    var shown = picked.altInput;
    if (!shown) return;
    // The label names the field people type in: the id moves to the visible input.
    if (input.id) {
      shown.id = input.id;
      input.removeAttribute("id");
    }
    ["aria-label", "aria-describedby", "required"].forEach(function (name) {
      if (input.hasAttribute(name)) shown.setAttribute(name, input.getAttribute(name));
    });
    shown.placeholder = kind.hint;
  }

  function setUp(root) {
    within(root, 'input[type="date"], input[type="datetime-local"], input[type="time"]').forEach(picker);
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
