// Reception desk: read the invitation's QR code with the device camera where the browser has
// the BarcodeDetector API; otherwise the text field takes the code (a USB scanner types it
// and presses Enter).
(function () {
  const button = document.getElementById("camera-start");
  const video = document.getElementById("camera");
  const form = document.getElementById("scan-form");
  const field = document.getElementById("scan-token");
  if (!button || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  button.hidden = false;
  let lastCode = "";
  let lastAt = 0;

  function submit(code) {
    const now = Date.now();
    if (code === lastCode && now - lastAt < 5000) return; // the same card held up twice
    lastCode = code;
    lastAt = now;
    field.value = code;
    form.requestSubmit();
  }

  async function scan(detector) {
    if (video.hidden) return;
    try {
      const codes = await detector.detect(video);
      if (codes.length) submit(codes[0].rawValue);
    } catch (e) { /* a frame that is not ready yet */ }
    setTimeout(() => scan(detector), 300);
  }

  button.addEventListener("click", async function () {
    if (!video.hidden) {
      video.srcObject && video.srcObject.getTracks().forEach((t) => t.stop());
      video.hidden = true;
      return;
    }
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    video.srcObject = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    video.hidden = false;
    await video.play();
    scan(detector);
  });

  document.body.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.elt === form) { field.value = ""; field.focus(); }
  });
})();
