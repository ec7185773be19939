// End-to-end tests: the built app (dist/) served on localhost, driven in Debian's Chromium.
import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./e2e/chromium.mjs";

const port = Number(process.env.DXCAST_E2E_PORT ?? 4178);

export default defineConfig({
  testDir: "e2e",
  outputDir: "artifacts/test-results",
  timeout: 60_000,
  // Two files at a time (a file's tests keep their order): the suite takes
  // about two thirds of the time it takes one at a time on two cores.
  fullyParallel: false,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    serviceWorkers: "allow",
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `node e2e/serve.mjs dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
