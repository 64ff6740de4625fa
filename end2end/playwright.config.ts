import { defineConfig } from '@playwright/test';

// The suite runs every journey twice: once hydrated (islands active) and once with
// JavaScript disabled, where the site must still work as plain HTML forms and links.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // The trust and listings journeys sign up several accounts (argon2id, 19 MiB) on 2 shared cores: they
  // took 12–30 s across runs, so the default 30 s per test is too tight.
  timeout: 60_000,
  reporter: 'list',
  use: {
    baseURL,
    // Debian's Chromium; `npx playwright install` is not used.
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'hydrated',
      use: { javaScriptEnabled: true },
    },
    {
      name: 'no-js',
      use: { javaScriptEnabled: false },
      // Journeys that only make sense once the islands have hydrated.
      testIgnore: '**/hydrated-only/**',
    },
  ],
  webServer: {
    // Release build on a fresh, seeded SQLite database (see scripts/e2e-server.sh).
    command: 'bash ../scripts/e2e-server.sh',
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
