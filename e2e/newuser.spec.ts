import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, watchCsp } from './helpers.ts';

/** Rough edges a new user met on a phone (issue #21, item 3). */

test('the log-in page shows the demo log-ins only because this server runs with the demo district', async ({
  page,
  request,
}) => {
  watchCsp(page);
  const config = await (await request.get('/api/auth/config')).json();
  // playwright.config.ts also configures a staff OpenID provider for e2e/sso.spec.ts.
  expect(config).toEqual({ demoLogins: true, sso: { staff: true, eid: false } });
  await page.goto('/login');
  await expect(page.getByText(/passord tillit-demo/)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the language switch is named by what it shows (WCAG 2.5.3)', async ({ page }) => {
  watchCsp(page);
  await page.goto('/login');
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: 'Norsk', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Norsk', exact: true }).click();
});
