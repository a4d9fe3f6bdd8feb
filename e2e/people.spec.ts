import { completeNationalId } from '@tillit/contracts';
import { expect, test, type Page } from '@playwright/test';
import { apiAs, expectNoAxeViolations, logIn, osloDate } from './helpers.ts';

/**
 * People and plans in the UI (#21 item 1): register a person, plan a measure, and see the visits
 * follow every change at once (no button); change, pause and end a measure; end the service.
 * The journeys share one new person, in order.
 */
test.describe.configure({ mode: 'serial' });

/** A synthetic number that no demo person has: born 1 March 1931–1949, a random individual number. */
function newNationalId(): string {
  for (;;) {
    const yy = String(31 + Math.floor(Math.random() * 19));
    const individual = String(Math.floor(Math.random() * 499)).padStart(3, '0');
    const id = completeNationalId(`0103${yy}${individual}`);
    if (id) return id;
  }
}

const person = { given: 'Solveig', family: `Brekke${Math.floor(Math.random() * 1000)}` };
let personId = '';
let me = '';
// The address too: a demo person may share the first name and initial.
const visitRow = (page: Page) =>
  page
    .locator('.visit-list li', { hasText: `${person.given} ${person.family[0]}.` })
    .filter({ hasText: 'Hagegata 12' });

async function openDay(page: Page, plusDays: number) {
  await page.getByRole('link', { name: 'Min dag' }).click();
  await page.getByLabel('Dato').fill(osloDate(plusDays));
}

test('registers a new person: a wrong number is shown at its field with focus there, then the record opens on what matters', async ({
  page,
  request,
}) => {
  me = (await (await apiAs(request, 'sykepleier')).get('/api/auth/me')).displayName;
  await logIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Mitt team' }).click();
  await page.getByRole('link', { name: 'Registrer ny person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny person' })).toBeVisible();

  const good = newNationalId();
  const id = page.getByLabel('Fødselsnummer eller D-nummer');
  // Checked as it is typed: a wrong second check digit is named at the field.
  await id.fill(good.slice(0, 10) + String((Number(good[10]) + 1) % 10));
  await expect(page.getByText('Andre kontrollsiffer stemmer ikke.')).toBeVisible();
  await id.fill(good);
  await expect(page.getByText('Andre kontrollsiffer stemmer ikke.')).toHaveCount(0);
  await page.getByLabel('Fornavn').fill(person.given);
  await page.getByLabel('Etternavn').fill(person.family);
  await page.getByLabel('Adresse', { exact: false }).first().fill('Hagegata 12');
  await page.getByLabel('Postnummer').fill('0653');
  await page.getByLabel('Poststed').fill('Oslo');
  await page.getByLabel(/Breddegrad/).fill('59,913');
  await page.getByLabel(/Lengdegrad/).fill('200');
  await page.getByLabel('Ja', { exact: true }).check();
  await page.getByRole('button', { name: 'Registrer personen' }).click();

  // The server refuses the longitude: the message stands at the field, and focus is there.
  const lon = page.getByLabel(/Lengdegrad/);
  await expect(lon).toBeFocused();
  await expect(lon).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Skriv lengdegraden som et tall mellom 4 og 32')).toBeVisible();
  await expectNoAxeViolations(page);

  await lon.fill('10,776');
  await page.getByRole('button', { name: 'Registrer personen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${person.given} ${person.family}` })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hva er viktig for deg?' })).toBeVisible();
  await expect(page.getByText('Teamet som hjelper: Team Tøyen')).toBeVisible();
  personId = page.url().split('/people/')[1];
  await expectNoAxeViolations(page);
});

test('a new measure puts its visits in «Min dag» at once, without pressing anything', async ({ page }) => {
  await logIn(page, 'sykepleier');
  await page.goto(`/people/${personId}`);
  const form = page.locator('.measure-form');
  await form.getByLabel('Eller: faglig behov (når tiltaket ikke hører til et mål)').fill('Trenger tilsyn om kvelden');
  await form.getByLabel('Tiltak (hva)').fill('Kveldstilsyn');
  await form.getByLabel('Kommer tidligst').fill('22:00');
  await form.getByLabel('Kommer senest').fill('22:30');
  await form.getByLabel('Gjøres vanligvis av').selectOption({ label: me });
  await form.getByRole('button', { name: 'Legg til tiltak' }).click();
  await expect(page.locator('#plan-status')).toContainText('14 nye besøk er lagt inn');

  await openDay(page, 0);
  await expect(visitRow(page)).toContainText('Kveldstilsyn');
  await expect(visitRow(page)).toContainText('22:00');
  await openDay(page, 1);
  await expect(visitRow(page)).toContainText('22:00');
  await expectNoAxeViolations(page);
});

test('a measure’s new window moves its future visits; an error goes to its field first', async ({ page }) => {
  await logIn(page, 'sykepleier');
  await page.goto(`/people/${personId}`);
  await page.getByRole('button', { name: 'Endre tiltaket Kveldstilsyn' }).click();
  const form = page.getByRole('form', { name: 'Endre tiltaket Kveldstilsyn' });
  await form.getByLabel('Kommer tidligst').fill('20:00');
  await form.getByLabel('Kommer senest').fill('20:30');
  await form.getByRole('button', { name: 'Lagre endringen' }).click();
  // No reason given: the message is at the reason's field, which has focus.
  const reason = form.getByLabel('Hvorfor endres tiltaket?');
  await expect(reason).toBeFocused();
  await expect(form.getByText('Skriv kort hvorfor tiltaket endres.')).toBeVisible();
  await expectNoAxeViolations(page);

  await reason.fill('Solveig legger seg tidligere');
  await form.getByRole('button', { name: 'Lagre endringen' }).click();
  const status = page.locator('#plan-status');
  await expect(status).toContainText('Tiltaket er endret.');
  await expect(status).toBeFocused();
  await expect(page.locator('.measure', { hasText: 'Kveldstilsyn' })).toContainText('kommer mellom 20:00 og 20:30');

  await openDay(page, 1);
  await expect(visitRow(page)).toContainText('20:00');
  await openDay(page, 5);
  await expect(visitRow(page)).toContainText('20:00');
});

test('pausing a measure cancels its future visits, starting it again brings them back, ending it removes them', async ({
  page,
}) => {
  await logIn(page, 'sykepleier');
  await page.goto(`/people/${personId}`);
  const open = () => page.getByRole('button', { name: 'Endre tiltaket Kveldstilsyn' }).click();
  const form = page.getByRole('form', { name: 'Endre tiltaket Kveldstilsyn' });
  await open();
  await form.getByLabel('Hvorfor endres tiltaket?').fill('Solveig er på ferie hos datteren');
  await form.getByRole('button', { name: 'Sett på pause' }).click();
  await expect(page.locator('#plan-status')).toContainText('Tiltaket er satt på pause.');
  await openDay(page, 2);
  await expect(page.getByText('Ingen besøk denne dagen.').or(page.locator('.visit-list li').first())).toBeVisible();
  await expect(visitRow(page)).toHaveCount(0);

  await page.goto(`/people/${personId}`);
  await open();
  await form.getByLabel('Hvorfor endres tiltaket?').fill('Hjemme igjen');
  await form.getByRole('button', { name: 'Start igjen' }).click();
  await expect(page.locator('#plan-status')).toContainText('Tiltaket er i gang igjen.');
  await openDay(page, 2);
  await expect(visitRow(page)).toContainText('20:00');

  await page.goto(`/people/${personId}`);
  await open();
  await form.getByLabel('Hvorfor endres tiltaket?').fill('Klarer seg selv om kvelden');
  await form.getByRole('button', { name: 'Avslutt tiltaket' }).click();
  await expect(page.locator('#plan-status')).toContainText('Tiltaket er avsluttet.');
  await expect(page.locator('.measure', { hasText: 'Kveldstilsyn' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await openDay(page, 2);
  await expect(visitRow(page)).toHaveCount(0);
});

test('ending the service cancels the visits after the last day, and says so', async ({ page }) => {
  await logIn(page, 'sykepleier');
  await page.goto(`/people/${personId}`);
  const form = page.locator('.measure-form');
  await form.getByLabel('Eller: faglig behov (når tiltaket ikke hører til et mål)').fill('Trenger hjelp med innkjøp');
  await form.getByLabel('Tiltak (hva)').fill('Handlehjelp');
  await form.getByLabel('Kommer tidligst').fill('12:00');
  await form.getByLabel('Kommer senest').fill('13:00');
  await form.getByLabel('Gjøres vanligvis av').selectOption({ label: me });
  await form.getByRole('button', { name: 'Legg til tiltak' }).click();
  await expect(page.locator('#plan-status')).toContainText('nye besøk er lagt inn');

  await page.getByRole('button', { name: 'Avslutt tjenesten …' }).click();
  await page.getByLabel('Siste dag teamet hjelper').fill(osloDate(1));
  await page.getByRole('button', { name: 'Avslutt tjenesten', exact: true }).click();
  const reason = page.getByLabel('Hvorfor avsluttes tjenesten?');
  await expect(reason).toBeFocused();
  await expect(page.getByText('Skriv kort hvorfor tjenesten avsluttes.')).toBeVisible();
  await reason.fill('Flytter til datteren i Bergen');
  await page.getByRole('button', { name: 'Avslutt tjenesten', exact: true }).click();
  const status = page.locator('#record-status');
  await expect(status).toContainText('planlagte besøk etter den dagen er avlyst');
  await expect(status).toBeFocused();
  await expectNoAxeViolations(page);

  await openDay(page, 1);
  await expect(visitRow(page)).toContainText('Handlehjelp');
  await openDay(page, 2);
  await expect(visitRow(page)).toHaveCount(0);
});
