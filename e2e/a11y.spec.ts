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
  // Routes may be folded (on a phone, or until opened): open them to reach the visits' buttons.
  const openAll = page.getByRole('button', { name: 'Vis alle rutene' });
  await expect(openAll.or(page.getByRole('button', { name: 'Skjul alle rutene' }))).toBeVisible();
  if (await openAll.isVisible()) await openAll.click();
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

test('the session warns before it ends, is extended from the keyboard, and says in Norwegian when it has ended', async ({
  page,
}) => {
  // The page's clock is run forward; the server's session is real (12 hours from log-in).
  await page.clock.install();
  await logIn(page, 'sykepleier');
  await expect(page.getByRole('heading', { level: 1, name: 'Min dag' })).toBeVisible();
  await page.clock.fastForward('11:56:00');
  const warning = page.getByRole('alert').filter({ hasText: 'Du blir snart logget ut' });
  await expect(warning).toBeVisible();
  await expectNoAxeViolations(page);
  await warning.getByRole('button', { name: 'Fortsett å være logget inn' }).focus();
  await page.keyboard.press('Enter');
  await expect(warning).toHaveCount(0);
  await expect(page.locator('#announcer')).toContainText('Du er fortsatt logget inn, nå til kl.');
  await expect(page.getByRole('heading', { level: 1, name: 'Min dag' })).toBeFocused();
  // Twelve hours later, unanswered: logged out, told why in Norwegian, with focus on the notice.
  await page.clock.fastForward('12:00:05');
  const ended = page.locator('#session-ended');
  await expect(ended).toHaveText(/Du er logget ut fordi økten var over/);
  await expect(ended).toBeFocused();
  await expect(page.getByRole('button', { name: 'Logg inn' })).toBeVisible();
  await expectNoAxeViolations(page);
});

/** The WCAG 1.4.12 text-spacing bookmarklet's values. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

test('at 320 px with increased text spacing the record’s personal data does not overlap or spill out', async ({
  page,
  request,
}) => {
  const nurse = await apiAs(request, 'sykepleier');
  const [person] = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  await page.setViewportSize({ width: 320, height: 800 });
  await logIn(page, 'sykepleier');
  await page.goto(`/people/${person.id}`);
  const section = page.getByRole('region', { name: 'Personopplysninger' });
  await expect(section.locator('dd').first()).toBeVisible();
  // A constructed style sheet, as the bookmarklet's styles: the CSP refuses an inline <style>.
  await page.evaluate((css) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, TEXT_SPACING);
  const boxes = await section.evaluate((s) => {
    const card = s.getBoundingClientRect();
    // The text itself, not the element's box: a word that does not fit spills out of its box.
    const textBox = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: el.textContent ?? '' };
    };
    return { card: { left: card.left, right: card.right }, items: [...s.querySelectorAll('dt, dd')].map(textBox) };
  });
  expect(boxes.items.length).toBeGreaterThanOrEqual(10);
  for (const b of boxes.items) {
    expect(b.left, b.text).toBeGreaterThanOrEqual(boxes.card.left);
    expect(b.right, b.text).toBeLessThanOrEqual(boxes.card.right);
  }
  for (let i = 0; i < boxes.items.length; i++)
    for (let j = i + 1; j < boxes.items.length; j++) {
      const [a, b] = [boxes.items[i], boxes.items[j]];
      const overlap =
        a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      expect(overlap, `«${a.text}» overlaps «${b.text}»`).toBe(false);
    }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectNoAxeViolations(page);
});

test('the accessibility statement is open without log-in, from the footer, in Norwegian and English', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Tilgjengelighetserklæring' }).click();
  await expect(page).toHaveURL(/\/tilgjengelighet$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Tilgjengelighetserklæring' })).toBeFocused();
  for (const heading of [
    'Hvilket krav vi følger',
    'Det som ikke er tilgjengelig ennå',
    'Si fra om noe ikke virker',
    'Tilsyn',
  ])
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  await expect(page.getByText(/WCAG 2\.1 på nivå A og AA/)).toBeVisible();
  await expect(page.getByRole('link', { name: /uutilsynet\.no/ })).toHaveAttribute(
    'href',
    'https://www.uutilsynet.no/',
  );
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible();
  await expectNoAxeViolations(page);
});
