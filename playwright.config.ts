import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The test OpenID provider e2e/sso.spec.ts starts in the test process (discovery waits for the first log-in). */
export const OIDC_PORT = PORT + 1000;

/**
 * Browser tests run Debian's chromium against the real server on a fresh embedded database
 * with the demo district (the same path as `npm start`).
 */
export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
    viewport: { width: 390, height: 844 }, // phone first
    locale: 'nb-NO',
    trace: 'off',
  },
  webServer: {
    command: `rm -rf .tillit-e2e-${PORT} && node cli/tillit.mjs serve`,
    env: {
      TILLIT_DATA_DIR: `.tillit-e2e-${PORT}`,
      PORT: String(PORT),
      TILLIT_LOGIN_MAX: '200',
      TILLIT_LOGIN_ADDRESS_MAX: '1000',
      DATABASE_URL: '',
      TILLIT_OIDC_STAFF_ISSUER: `http://127.0.0.1:${OIDC_PORT}`,
      TILLIT_OIDC_STAFF_CLIENT_ID: 'tillit-e2e',
      TILLIT_OIDC_STAFF_CLIENT_SECRET: 'e2e-secret',
      TILLIT_OIDC_STAFF_REDIRECT_URI: `http://localhost:${PORT}/api/auth/oidc/staff/callback`,
      TILLIT_OIDC_ALLOW_HTTP: 'true',
    },
    url: `http://localhost:${PORT}/api/health`,
    // The demo loads a year of history first (about 20 s alone; minutes on a busy machine).
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
