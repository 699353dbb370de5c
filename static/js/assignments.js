// Drag and drop ordering of duties on the assignment board (SortableJS + HTMX).
// The arrows keep working without it; this only saves clicks.
(function () {
  function bind(root) {
    root.querySelectorAll("ul.duty-list[data-reorder-url]").forEach(function (list) {
      if (list.dataset.sortable) return;
      list.dataset.sortable = "1";
      Sortable.create(list, {
        handle: ".drag-handle",
        draggable: "li[data-id]",
        onEnd: function () {
          var ids = Array.from(list.querySelectorAll("li[data-id]")).map(function (li) {
            return li.dataset.id;
          });
          htmx.ajax("POST", list.dataset.reorderUrl, {
            target: "#board-list",
            values: { ids: ids },
          });
        },
      });
    });
  }
  document.addEventListener("DOMContentLoaded", function () { bind(document); });
  document.addEventListener("htmx:afterSwap", function (event) { bind(event.target); });
})();
