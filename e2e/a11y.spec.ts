import { expect, test, type Page } from '@playwright/test';
import { apiAs, expectNoAxeViolations, logIn } from './helpers.ts';

/** What has focus: its tag, id, accessible label or text, for asserting where the keyboard is. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      label: el?.getAttribute('aria-label') ?? '',
      text: (el?.textContent ?? '').trim().slice(0, 200),
    };
  });

/** Whether the focused element is inside the visible part of the window. */
const focusedInView = (page: Page) =>
  page.evaluate(() => {
    const r = (document.activeElement as HTMLElement).getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });

test('«Flytt» opens a modal dialog with focus in view on its first control; Escape closes it and focus returns to «Flytt»', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Ukeplan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ukeplan' })).toBeVisible();
  const opener = page
    .locator('li.stop')
    .last()
    .getByRole('button', { name: /^Flytt: / });
  const label = (await opener.getAttribute('aria-label'))!;
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // The list of helpers has come; focus is on the first helper that can be chosen, and on screen.
  await expect(dialog.getByRole('radio').first()).toBeAttached();
  await expect.poll(async () => (await focused(page)).tag).toBe('input');
  expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
  expect(await focusedInView(page)).toBe(true);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await focused(page)).label).toBe(label);
});

test('a form error gets focus at its field, tied to it and in plain words; required fields say so', async ({
  page,
  request,
}) => {
  // Log-in with both fields empty: the server's 400 names the fields; focus goes to the first.
  await page.goto('/login');
  await expect(page.locator('label[for="username"]')).toContainText('(må fylles ut)');
  await expect(page.getByLabel('Brukernavn')).toHaveAttribute('required', '');
  await page.getByRole('button', { name: 'Logg inn' }).click();
  const username = page.getByLabel('Brukernavn');
  await expect(username).toBeFocused();
  await expect(username).toHaveAttribute('aria-invalid', 'true');
  await expect(username).toHaveAccessibleDescription('Må fylles ut.');
  await expect(page.getByLabel('Passord')).toHaveAccessibleDescription('Må fylles ut.');
  await expectNoAxeViolations(page);

  // A long page: the record's next-of-kin form at the bottom, sent with the relation left empty.
  const nurse = await apiAs(request, 'sykepleier');
  const [person] = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  await logIn(page, 'sykepleier');
  await page.goto(`/people/${person.id}`);
  await page.getByRole('button', { name: 'Legg til pårørende' }).click();
  await page.getByRole('textbox', { name: 'Navn', exact: true }).fill('Kari Nordmann');
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  const relation = page.getByRole('textbox', { name: 'Relasjon', exact: true });
  await expect(relation).toBeFocused();
  await expect(relation).toHaveAttribute('aria-invalid', 'true');
  await expect(relation).toHaveAccessibleDescription('Må fylles ut.');
  expect(await focusedInView(page)).toBe(true);
  await expect(page.getByText('for kort eller for lite')).toHaveCount(0);
  await expectNoAxeViolations(page);
});
