// The stage slides in the browser: one slide shown at a time, stepped by the keyboard or a
// presentation clicker (clickers send PageDown/PageUp or the arrow keys).
(function () {
  "use strict";
  var slides = Array.prototype.slice.call(document.querySelectorAll(".deck-slide"));
  var counter = document.querySelector(".deck-counter");
  var current = 0;
  if (!slides.length) { return; }

  function show(index) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (slide, i) {
      var on = i === current;
      slide.classList.toggle("is-current", on);
      slide.setAttribute("aria-hidden", on ? "false" : "true");
    });
    if (counter) { counter.textContent = (current + 1) + " / " + slides.length; }
    if (window.location.hash !== "#" + (current + 1)) {
      window.history.replaceState(null, "", "#" + (current + 1));
    }
  }

  var NEXT = ["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar", "Enter"];
  var PREVIOUS = ["ArrowLeft", "ArrowUp", "PageUp", "Backspace"];

  document.addEventListener("keydown", function (event) {
    if (NEXT.indexOf(event.key) >= 0) { show(current + 1); }
    else if (PREVIOUS.indexOf(event.key) >= 0) { show(current - 1); }
    else if (event.key === "Home") { show(0); }
    else if (event.key === "End") { show(slides.length - 1); }
    else if (event.key === "f" || event.key === "F") {
      if (!document.fullscreenElement && document.documentElement.requestFullscreen) {
        document.documentElement.requestFullscreen();
      } else if (document.exitFullscreen) { document.exitFullscreen(); }
    } else { return; }
    event.preventDefault();
  });
  document.querySelector(".deck").addEventListener("click", function () { show(current + 1); });

  var start = parseInt(window.location.hash.slice(1), 10);
  show(isNaN(start) ? 0 : start - 1);
})();
