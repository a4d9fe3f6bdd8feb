import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { addDays, osloToday } from '@tillit/contracts';
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const PASSWORD = 'tillit-demo';

/** Content Security Policy violations Chromium reported on each page (it logs them as console errors). */
const cspViolations = new WeakMap<Page, string[]>();

/** Starts listening for CSP violations on `page`; logIn does it, so most tests are covered from the start. */
export function watchCsp(page: Page) {
  if (cspViolations.has(page)) return;
  const seen: string[] = [];
  cspViolations.set(page, seen);
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
}

export async function logIn(page: Page, username: string) {
  watchCsp(page);
  await page.goto('/login');
  await page.getByLabel(/Brukernavn|Username/).fill(username);
  await page.getByLabel(/Passord|Password/).fill(PASSWORD);
  await page.getByRole('button', { name: /Logg inn|Log in/ }).click();
  await expect(page.getByRole('button', { name: /Logg ut|Log out/ })).toBeVisible();
}

/** WCAG 2.1 A and AA rules; the page must have none broken (nor the CSP, once watched). */
export async function expectNoAxeViolations(page: Page) {
  expect(cspViolations.get(page) ?? [], `CSP violations on ${page.url()}`).toEqual([]);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Logs in through the API (its own cookie jar) and returns a JSON getter, for arranging a test. */
export async function apiAs(request: APIRequestContext, username: string) {
  const res = await request.post('/api/auth/login', { data: { username, password: PASSWORD } });
  expect(res.status()).toBe(200);
  const { csrfToken, teamIds } = await res.json();
  return {
    teamIds: teamIds as string[],
    get: async (url: string) => (await request.get(url)).json(),
    post: async (url: string, data: unknown) => request.post(url, { data, headers: { 'x-csrf-token': csrfToken } }),
  };
}

/** The date (YYYY-MM-DD) in Oslo, `plusDays` from today: the day the app's day lists and plans use. */
export const osloDate = (plusDays = 0): string => addDays(osloToday(), plusDays);

/**
 * Writes documentation-burden figures into bench-results/documentation-burden.json, merged into
 * what the file holds (each spec measures its own figures; none overwrites another's).
 */
export function recordBurden(figures: Record<string, number>) {
  const file = 'bench-results/documentation-burden.json';
  mkdirSync('bench-results', { recursive: true });
  let before: Record<string, unknown> = {};
  try {
    before = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // No file yet, or not JSON: start afresh.
  }
  writeFileSync(file, `${JSON.stringify({ ...before, ...figures, measuredAt: new Date().toISOString() }, null, 2)}\n`);
}
