// Countdown to a round's deadline: <span data-countdown="ISO datetime">.
(function () {
  function render(el) {
    var left = new Date(el.dataset.countdown) - new Date();
    if (left <= 0) { el.textContent = "0 phút (đã hết hạn)"; return; }
    var days = Math.floor(left / 86400000);
    var hours = Math.floor((left % 86400000) / 3600000);
    var minutes = Math.floor((left % 3600000) / 60000);
    el.textContent = (days ? days + " ngày " : "") + hours + " giờ " + minutes + " phút";
  }
  var els = document.querySelectorAll("[data-countdown]");
  els.forEach(render);
  setInterval(function () { els.forEach(render); }, 30000);
})();
