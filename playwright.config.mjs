// End-to-end tests: the built app (dist/) served on localhost, driven in Debian's Chromium.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.DXCAST_E2E_PORT ?? 4178);

export default defineConfig({
  testDir: "e2e",
  outputDir: "artifacts/test-results",
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    serviceWorkers: "allow",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node e2e/serve.mjs dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
