// The plan editor: drag sections to reorder (SortableJS + HTMX; the arrow buttons work
// without it) and reload the live preview whenever a change is saved.
(function () {
  function bind(root) {
    var list = root.querySelector ? root.querySelector("#section-list[data-reorder-url]") : null;
    if (!list || list.dataset.sortable) return;
    list.dataset.sortable = "1";
    Sortable.create(list, {
      handle: ".drag-handle",
      draggable: "[data-id]",
      onEnd: function () {
        var ids = Array.from(list.querySelectorAll("[data-id]")).map(function (item) {
          return item.dataset.id;
        });
        htmx.ajax("POST", list.dataset.reorderUrl, {
          target: "#plan-sections",
          swap: "outerHTML",
          values: { ids: ids },
        });
      },
    });
  }
  function reloadPreview() {
    var frame = document.getElementById("plan-preview");
    if (frame) frame.contentWindow.location.reload();
  }
  document.addEventListener("DOMContentLoaded", function () { bind(document); });
  document.addEventListener("htmx:afterSettle", function () { bind(document); });
  document.body.addEventListener("plan-changed", reloadPreview);
})();
