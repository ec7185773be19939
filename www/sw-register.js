// Registers the service worker and tells the app when a new version is waiting.
// The app listens for the "dxcast-update" event and calls window.dxcastApplyUpdate().
(function () {
  if (!("serviceWorker" in navigator)) return;
  let waiting = null;
  const announce = (worker) => {
    waiting = worker;
    document.documentElement.dataset.updateReady = "true";
    window.dispatchEvent(new CustomEvent("dxcast-update"));
  };
  window.dxcastApplyUpdate = function () {
    if (!waiting) return false;
    navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), { once: true });
    waiting.postMessage("skip-waiting");
    return true;
  };
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("sw.js").then(function (reg) {
      if (reg.waiting && navigator.serviceWorker.controller) announce(reg.waiting);
      reg.addEventListener("updatefound", function () {
        const worker = reg.installing;
        if (!worker) return;
        worker.addEventListener("statechange", function () {
          if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
        });
      });
    }).catch(function (error) {
      // The app works without it, online only.
      console.warn("dxcast: the service worker was not registered:", error);
    });
  });
})();
