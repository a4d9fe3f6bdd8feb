import { expect, type Page, test } from '@playwright/test';
import { apiAs, expectNoAxeViolations, logIn } from './helpers.ts';

const ITEMS = [
  'Sosial deltakelse',
  'Beslutninger i dagliglivet',
  'Styre atferd',
  'Hukommelse',
  'Kommunikasjon',
  'Syn',
  'Hørsel',
  'Skaffe seg varer og tjenester',
  'Alminnelig husarbeid',
  'Lage mat',
  'Spise',
  'Personlig hygiene',
  'Av- og påkledning',
  'Toalett',
  'Ivareta egen helse',
  'Bevege seg innendørs',
]; // «Bevege seg utendørs» is left for the test of a missing item.
const SCORE = {
  1: '1 – Ingen problemer: klarer det selv.',
  3: '3 – Trenger noe hjelp.',
  4: '4 – Trenger mye hjelp, men deltar selv.',
};

async function score(page: Page, item: string, s: keyof typeof SCORE) {
  await page.getByRole('group', { name: item }).getByLabel(SCORE[s]).check();
}

/** #22 item 1: the functional assessment made with the person, on the record, and asked for again after a change in condition. */
test('a nurse records a functional assessment with the person and sees it on the record; a change in condition asks for a new one', async ({
  page,
  request,
}) => {
  const nurse = await apiAs(request, 'sykepleier');
  const people: { id: string }[] = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  const person = people[5];
  await logIn(page, 'sykepleier');
  await page.goto(`/people/${person.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Funksjonsvurdering' })).toBeVisible();
  await page.getByRole('link', { name: 'Ny funksjonsvurdering', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny funksjonsvurdering' })).toBeVisible();
  await page.getByLabel('Hvorfor').selectOption('review');
  for (const item of ITEMS) await score(page, item, 1);
  await score(page, 'Hukommelse', 3);
  await score(page, 'Lage mat', 4);
  await expectNoAxeViolations(page);
  // One area left out: the answer names it, at its field.
  await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
  await expect(page.locator('#fa-scores\\.movingOutdoors-error')).toBeVisible();
  await expect(page.locator('#fa-scores\\.movingOutdoors')).toBeFocused();
  await score(page, 'Bevege seg utendørs', 3);
  await page.getByRole('button', { name: 'Lagre vurderingen' }).click();

  // Back on the record: the assessment in force, who made it, and what changed since the one before.
  await expect(page.locator('#announcer')).toHaveText('Funksjonsvurderingen er lagret.');
  const section = page.locator('section[aria-labelledby="assessment-heading"]');
  await expect(section.getByRole('heading', { name: 'Gjeldende vurdering' })).toBeVisible();
  await expect(section).toContainText('Ny gjennomgang');
  await expect(section).toContainText('Personen deltok');
  await expect(section.getByRole('row', { name: /Hukommelse/ })).toContainText('3 – Trenger noe hjelp.');
  await expect(section.getByText('Ny funksjonsvurdering?')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A person whose change in condition came after the latest assessment (the demo's history).
  let prompted: string | null = null;
  for (const p of people) {
    const list = await nurse.get(`/api/recipients/${p.id}/assessments`);
    if (list.prompt) {
      prompted = p.id;
      break;
    }
  }
  expect(prompted).not.toBeNull();
  await page.goto(`/people/${prompted}`);
  await page.getByRole('link', { name: 'Ny funksjonsvurdering?' }).click();
  await expect(page.getByLabel('Hvorfor')).toHaveValue('condition_change');
  await expect(page.getByText(/Endringen i tilstand: «/)).toBeVisible();
  for (const item of [...ITEMS, 'Bevege seg utendørs']) await score(page, item, 1);
  await score(page, 'Bevege seg utendørs', 4);
  await page.getByRole('button', { name: 'Lagre vurderingen' }).click();
  const after = page.locator('section[aria-labelledby="assessment-heading"]');
  await expect(after).toContainText('Endring i tilstand');
  await expect(after.getByRole('link', { name: 'Ny funksjonsvurdering?' })).toHaveCount(0);
});

/** #22 items 4 and 6: the leaders' statistics (under five suppressed) and equal treatment, each chart with its table. */
test('a leader sees the statistics with suppressed cells and equal treatment team beside team', async ({ page }) => {
  await logIn(page, 'leder');
  await page.getByRole('link', { name: 'Statistikk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistikk for ledere' })).toBeVisible();
  const table = page.getByRole('region', { name: 'Tabell: Personer per nivå av bistandsbehov' });
  // The figures are counted over the whole district: give a busy machine time.
  await expect(table.getByRole('row', { name: /Bydel/ })).toBeVisible({ timeout: 30_000 });
  await expect(table.getByText('færre enn 5').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Likebehandling/ })).toBeVisible();
  const equal = page.getByRole('region', { name: 'Tabell: Gjennomsnittlig vedtatte timer per uke etter nivå' });
  await expect(equal.getByRole('columnheader', { name: 'Timer per uke, gjennomsnitt' })).toBeVisible({
    timeout: 30_000,
  });
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Dialogmøter' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Tabell: Gjennomsnittlig vedtatte timer per uke etter nivå' })
      .getByRole('row', { name: /Team/ })
      .first(),
  ).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page);
});
