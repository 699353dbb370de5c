// The seating plan: drag a delegate (a seat's name, or a name from "Chưa có chỗ") onto a seat.
// The drop posts to the hall's data-move-url (delegate, seat) through htmx, which answers the
// hall's grid again (the two seats swapped) with any refusal shown above it.
(function () {
  "use strict";
  var dragged = null;

  function hallOf(element) {
    return element && element.closest ? element.closest("[data-move-url]") : null;
  }

  document.addEventListener("dragstart", function (event) {
    var person = event.target.closest && event.target.closest("[data-delegate]");
    if (!person || !hallOf(person)) return;
    dragged = person.getAttribute("data-delegate");
    event.dataTransfer.setData("text/plain", dragged);
    event.dataTransfer.effectAllowed = "move";
  });

  document.addEventListener("dragover", function (event) {
    var cell = event.target.closest && event.target.closest("[data-seat]");
    if (!cell || !dragged || !hallOf(cell)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    cell.classList.add("drop-here");
  });

  document.addEventListener("dragleave", function (event) {
    var cell = event.target.closest && event.target.closest("[data-seat]");
    if (cell) cell.classList.remove("drop-here");
  });

  document.addEventListener("drop", function (event) {
    var cell = event.target.closest && event.target.closest("[data-seat]");
    var hall = hallOf(cell);
    if (!cell || !hall) return;
    event.preventDefault();
    cell.classList.remove("drop-here");
    var delegate = dragged || event.dataTransfer.getData("text/plain");
    dragged = null;
    if (!delegate) return;
    htmx.ajax("POST", hall.getAttribute("data-move-url"), {
      target: "#" + hall.id,
      swap: "innerHTML",
      values: { delegate: delegate, seat: cell.getAttribute("data-seat") },
    });
  });

  document.addEventListener("dragend", function () { dragged = null; });
})();

// A hall wider than the screen scrolls inside its box: start with the middle (the stage's
// centre) in view; after a move redraws the grid, keep the scroll where the user left it.
(function () {
  "use strict";
  var kept = null;
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".hall-scroll").forEach(function (box) {
      box.scrollLeft = (box.scrollWidth - box.clientWidth) / 2;
    });
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var box = event.target.querySelector(".hall-scroll");
    kept = box ? box.scrollLeft : null;
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var box = event.target.querySelector(".hall-scroll");
    if (box && kept !== null) box.scrollLeft = kept;
  });
})();
