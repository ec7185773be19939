// How the end-to-end tests and the benchmarks start Chromium: Debian's, with
// no sandbox (containers), no GPU, and nothing that reaches the network on
// its own.
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
