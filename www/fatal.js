// The last resort, so that the page is never left blank: if the app stops
// (a panic or any other trap in its WebAssembly), or cannot start (its
// module fails to load or compile), the page says so and offers a reload.
// The user's data stays in the browser's storage.
//
// The app is built so that a panic stops it at once, as a trap with no
// message of its own (see `build_app` in xtask/src/main.rs): the browser
// reports it here as a WebAssembly.RuntimeError. An error of another kind
// once the app has started is not fatal to it, and is left to the console.
(function () {
  let started = false;
  window.addEventListener("TrunkApplicationStarted", () => {
    started = true;
  });
  const fatal = (error) =>
    !started ||
    error instanceof WebAssembly.RuntimeError ||
    error instanceof WebAssembly.CompileError ||
    error instanceof WebAssembly.LinkError;
  const show = (error) => {
    if (!fatal(error) || document.getElementById("fatal") || !document.body) return;
    const section = document.createElement("section");
    section.id = "fatal";
    section.className = "fatal";
    section.setAttribute("role", "alert");
    section.dataset.testid = "fatal";
    const add = (tag, text) => {
      const el = document.createElement(tag);
      el.textContent = text;
      section.append(el);
      return el;
    };
    add("h1", "Ứng dụng gặp lỗi và đã dừng — The app stopped on an error");
    add("p", "Dữ liệu của bạn vẫn được lưu trong trình duyệt. Your data is still stored in this browser.");
    add("a", "Tải lại ứng dụng — Reload the app").href = "./";
    add("pre", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    document.body.prepend(section);
  };
  window.addEventListener("error", (e) => show(e.error ?? e.message));
  window.addEventListener("unhandledrejection", (e) => show(e.reason));
})();
