// The summary report editor: a figure's button puts its token ([[key]]) at the cursor of the
// section text last worked in (the first one when none was).
(function () {
  var last = null;
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("textarea[data-figures]")) last = event.target;
  });
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-token]") : null;
    if (!button) return;
    var field = last || document.querySelector("textarea[data-figures]");
    if (!field) return;
    var start = field.selectionStart || 0;
    var end = field.selectionEnd || start;
    var token = button.dataset.token;
    field.value = field.value.slice(0, start) + token + field.value.slice(end);
    field.focus();
    field.selectionStart = field.selectionEnd = start + token.length;
  });
})();
