/**
 * Single sign-on in the browser: the log-in page's «Logg inn med kommunens pålogging» goes to a
 * real OpenID provider (oidc-provider, started here on the port playwright.config.ts gives the
 * app), through its log-in and consent pages, and back into the app logged in.
 */
import { expect, test } from '@playwright/test';
import { startTestProvider, type TestProvider } from '../apps/server/src/test/oidc.provider.ts';
import { OIDC_PORT } from '../playwright.config.ts';
import { apiAs, expectNoAxeViolations, watchCsp } from './helpers.ts';

const PORT = Number(process.env.E2E_PORT ?? 3100);
let op: TestProvider;

test.beforeAll(async () => {
  op = await startTestProvider(
    [
      {
        client_id: 'tillit-e2e',
        client_secret: 'e2e-secret',
        redirect_uris: [`http://localhost:${PORT}/api/auth/oidc/staff/callback`],
      },
    ],
    OIDC_PORT,
  );
});
test.afterAll(() => op.close());

/** At the provider's own pages: any login name is that person's subject there. */
async function logInAtProvider(page: import('@playwright/test').Page, subject: string) {
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${OIDC_PORT}/`));
  await page.locator('input[name="login"]').fill(subject);
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a staff member the administrator linked logs in through the municipality’s sign-in', async ({
  page,
  request,
}) => {
  const nurse = await apiAs(request, 'helsefag');
  const { userId } = await nurse.get('/api/auth/me');
  const admin = await apiAs(request, 'admin');
  const linked = await admin.post(`/api/admin/users/${userId}/identities`, {
    provider: 'staff',
    subject: 'helsefag@kommune.test',
  });
  expect(linked.status()).toBe(201);

  watchCsp(page);
  await page.goto('/login');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Logg inn med kommunens pålogging' }).click();
  await logInAtProvider(page, 'helsefag@kommune.test');
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(`http://localhost:${PORT}`);
  await expectNoAxeViolations(page);
});

test('an identity nobody linked comes back to the log-in page, told to ask the administrator', async ({ page }) => {
  watchCsp(page);
  await page.goto('/login');
  await page.getByRole('link', { name: 'Logg inn med kommunens pålogging' }).click();
  await logInAtProvider(page, 'stranger@kommune.test');
  await expect(page.getByRole('alert')).toContainText('Be administratoren om å koble brukeren din');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
});
