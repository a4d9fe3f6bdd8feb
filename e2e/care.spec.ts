import { expect, test, type Locator, type Page } from '@playwright/test';
import { apiAs, expectNoAxeViolations, logIn, osloDate, recordBurden } from './helpers.ts';

/** Counts the taps a helper makes; typing is counted apart from taps. */
function tapCounter() {
  let taps = 0;
  return {
    tap: async (l: Locator) => {
      taps++;
      await l.click();
    },
    type: async (l: Locator, text: string) => {
      taps++; // focusing the field
      await l.click();
      await l.pressSequentially(text);
    },
    get taps() {
      return taps;
    },
  };
}

const figures: Record<string, number> = {};
test.afterAll(() => recordBurden(figures));

async function planFor(page: Page, personId: string, me: string, title: string, from: string, to: string) {
  await page.goto(`/people/${personId}`);
  await page.getByLabel('Med personens egne ord').fill('Å bo hjemme og gå tur med hunden hver dag');
  await page.getByLabel('Hvem var til stede (valgfritt)').fill('sønnen');
  await page.getByRole('button', { name: 'Lagre det som er viktig' }).click();
  await expect(page.getByText('«Å bo hjemme og gå tur med hunden hver dag»')).toBeVisible();

  await page.getByLabel('Nytt mål').fill('Gå tur med hunden selv');
  await page.getByLabel('Knyttet til').selectOption({ label: 'Å bo hjemme og gå tur med hunden hver dag' });
  await page.getByRole('button', { name: 'Legg til mål' }).click();
  await expect(page.getByRole('heading', { level: 3, name: /Gå tur med hunden selv/ })).toBeVisible();

  const form = page.locator('.measure-form');
  await form.getByLabel('Mål', { exact: true }).selectOption({ label: 'Gå tur med hunden selv' });
  await form.getByLabel('Tiltak (hva)').fill(title);
  await form.getByLabel('Kommer tidligst').fill(from);
  await form.getByLabel('Kommer senest').fill(to);
  await form.getByLabel('Gjøres vanligvis av').selectOption({ label: me });
  await form.getByRole('button', { name: 'Legg til tiltak' }).click();
  await expect(page.locator('.measure', { hasText: title })).toContainText(`kommer mellom ${from} og ${to}`);
}

test('what matters → goal → measure → the visit in the day list → documented in two taps', async ({
  page,
  request,
}) => {
  const nurse = await apiAs(request, 'sykepleier');
  const people = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  const me = await nurse.get('/api/auth/me');
  const [routine, observed] = [people[10], people[11]];

  await logIn(page, 'sykepleier');
  await planFor(page, routine.id, me.displayName, 'Tilsyn og hjelp med morgenmedisin', '06:00', '06:30');
  await expectNoAxeViolations(page);
  await planFor(page, observed.id, me.displayName, 'Blodtrykkskontroll', '06:30', '07:00');

  await page.getByRole('link', { name: 'Mitt team' }).click();
  await page.getByRole('button', { name: 'Lag besøk fra planen for de neste 14 dagene' }).click();
  await expect(page.getByRole('status')).toContainText('nye besøk laget');

  await page.getByRole('link', { name: 'Min dag' }).click();
  const routineRow = page
    .locator('.visit-list li', { hasText: `${routine.givenName} ${routine.familyName[0]}.` })
    .filter({ hasText: '06:00' });
  await expect(routineRow).toContainText('Tilsyn og hjelp med morgenmedisin');
  await expectNoAxeViolations(page);

  // Routine visit: «Alt utført som planlagt» → confirm, from the day list.
  const routineTaps = tapCounter();
  await routineTaps.tap(routineRow.getByRole('button', { name: /Alt utført som planlagt/ }));
  await routineTaps.tap(routineRow.getByRole('button', { name: 'Bekreft: alt utført' }));
  await expect(routineRow).toContainText('utført');
  figures.routineVisitTaps = routineTaps.taps;
  expect(routineTaps.taps).toBeLessThanOrEqual(2);

  // A visit with one measurement and a short note.
  const obs = tapCounter();
  const obsRow = page
    .locator('.visit-list li', { hasText: `${observed.givenName} ${observed.familyName[0]}.` })
    .filter({ hasText: '06:30' });
  await obs.tap(obsRow.getByRole('link'));
  await expect(
    page.getByRole('heading', { level: 1, name: `${observed.givenName} ${observed.familyName}` }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await obs.tap(page.getByRole('button', { name: 'Noe var annerledes? Dokumenter tiltak for tiltak' }));
  await obs.type(page.getByLabel('Verdi', { exact: true }), '142');
  await obs.type(page.getByLabel('Nedre verdi (diastolisk)'), '88');
  await obs.type(page.getByLabel('Kort notat'), 'Litt svimmel om morgenen');
  await obs.tap(page.getByRole('button', { name: 'Lagre besøket' }));
  // The form is gone: focus is on the result, and the app's live region says it (issue #21).
  await expect(page.locator('#visit-done')).toHaveText('Besøket er dokumentert.');
  await expect(page.locator('#visit-done')).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText('Besøket er dokumentert.');
  figures.observationVisitTaps = obs.taps;
  expect(obs.taps).toBeLessThanOrEqual(6);

  // The record shows the visit and the measurement.
  await page.goto(`/people/${observed.id}`);
  await expect(page.getByText('Blodtrykk (mmHg): 142/88')).toBeVisible();

  // Nobody checked in at the routine visit, and the visit says so (it is not given the moment of the tap).
  await page.getByRole('link', { name: 'Min dag' }).click();
  await routineRow.getByRole('link').click();
  await expect(page.getByText('Dokumentert uten innsjekking')).toBeVisible();
  await expect(page.getByText(/Sjekket inn/)).toHaveCount(0);
});

test('a change in condition at the visit appears on the team board and can be closed', async ({ page, request }) => {
  const nurse = await apiAs(request, 'sykepleier');
  const people = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  const me = await nurse.get('/api/auth/me');
  const person = people[12];
  await logIn(page, 'sykepleier');
  await planFor(page, person.id, me.displayName, 'Hjelp til dusj', '07:00', '07:30');
  await page.getByRole('link', { name: 'Mitt team' }).click();
  await page.getByRole('button', { name: 'Lag besøk fra planen for de neste 14 dagene' }).click();
  await page.getByRole('link', { name: 'Min dag' }).click();
  await page.locator('.visit-list li', { hasText: 'Hjelp til dusj' }).getByRole('link').click();
  await page.getByRole('button', { name: 'Sjekk inn' }).click();
  await expect(page.getByText(/Sjekket inn \d\d[:.]\d\d/)).toBeVisible();

  await page.getByRole('button', { name: 'Noe var annerledes? Dokumenter tiltak for tiltak' }).click();
  await page.getByLabel('Ikke utført').check();
  await page.getByLabel('Hvorfor?').fill('Orket ikke i dag');
  await page.getByLabel(/Endring i tilstand/).fill('Mer forvirret enn vanlig, spiser lite');
  await page.getByRole('button', { name: 'Lagre besøket' }).click();
  // The form is gone: focus is on the result, and the app's live region says it (issue #21).
  await expect(page.locator('#visit-done')).toHaveText('Besøket er dokumentert.');
  await expect(page.locator('#visit-done')).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText('Besøket er dokumentert.');

  await page.getByRole('link', { name: 'Teamtavla' }).click();
  const card = page.locator('.board-card', { hasText: 'Mer forvirret enn vanlig, spiser lite' });
  await expect(card).toBeVisible();
  await expect(page.locator('.board-card', { hasText: 'Orket ikke i dag' })).toBeVisible();
  await expectNoAxeViolations(page);
  await card.getByRole('button', { name: 'Ta saken' }).click();
  await expect(card).toContainText(`Tatt av ${me.displayName}`);
  await card.getByLabel('Hva ble gjort?').fill('Snakket med fastlegen, tilsyn to ganger daglig');
  await card.getByRole('button', { name: 'Lukk' }).click();
  await expect(page.locator('.board-card', { hasText: 'Mer forvirret enn vanlig, spiser lite' })).toHaveCount(0);
});

test('a shared decision at the visit changes the plan at once', async ({ page, request }) => {
  const nurse = await apiAs(request, 'sykepleier');
  const people = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  const me = await nurse.get('/api/auth/me');
  const person = people[13];
  await logIn(page, 'sykepleier');
  await planFor(page, person.id, me.displayName, 'Dusj hver morgen', '07:30', '08:00');
  await page.getByRole('link', { name: 'Mitt team' }).click();
  await page.getByRole('button', { name: 'Lag besøk fra planen for de neste 14 dagene' }).click();
  await expect(page.getByRole('status')).toContainText('nye besøk laget');
  await page.getByRole('link', { name: 'Min dag' }).click();
  await page.locator('.visit-list li', { hasText: 'Dusj hver morgen' }).getByRole('link').click();

  await page.getByRole('button', { name: 'Bestem sammen med personen (samvalg)' }).click();
  await page.getByLabel('Spørsmålet').fill('Dusj hver morgen, eller på kvelden?');
  await page.getByRole('textbox', { name: 'Alternativ 1' }).fill('Morgen');
  await page.getByRole('textbox', { name: 'Alternativ 2' }).fill('Kveld');
  await page.getByRole('radio', { name: 'Kveld' }).check();
  await page.getByLabel('Hvorfor').fill('Sover bedre etter en kveldsdusj');
  await page.getByLabel('Flytt tidsvinduet').check();
  await page.getByLabel('Ny tid fra').fill('19:00');
  await page.getByLabel('Ny tid til').fill('19:30');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Lagre samvalget' }).click();
  await expect(page.getByRole('status')).toHaveText('Samvalget er lagret, og planen er endret.');

  await page.goto(`/people/${person.id}`);
  await expect(page.locator('.measure', { hasText: 'Dusj hver morgen' })).toContainText('kommer mellom 19:00 og 19:30');
});

test('a service decision is made within the frame and its letter is a PDF that opens', async ({ page, request }) => {
  const nurse = await apiAs(request, 'sykepleier');
  const people = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  const person = people[14];
  await logIn(page, 'sykepleier');
  await page.goto(`/people/${person.id}`);
  await page.getByRole('button', { name: 'Fatt vedtak' }).click();
  await page.getByLabel('Timer per uke').fill('3,5');
  await page
    .getByLabel('Personens behov og ønsker')
    .fill('Ønsker å bo hjemme og klare morgenstellet selv med litt støtte.');
  await page.getByLabel('Begrunnelse').fill('Trenger hjelp med medisiner morgen og kveld etter fall.');
  await page.getByRole('button', { name: 'Fatt vedtak' }).click();
  const item = page.locator('#decisions-heading + ul li').first();
  await expect(item).toContainText('Hjemmesykepleie, 3,5 t/uke');
  await expect(item).toContainText('gjelder');
  await expectNoAxeViolations(page);

  const href = await item.getByRole('link', { name: 'Vedtaksbrev (PDF)' }).getAttribute('href');
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
  expect(body.length).toBeGreaterThan(1500);
});

test('an unstaffed visit on the board is given a helper by hand and appears in the day list', async ({
  page,
  request,
}) => {
  const nurse = await apiAs(request, 'sykepleier');
  const people = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  const me = await nurse.get('/api/auth/me');
  const person = people[15];
  await logIn(page, 'sykepleier');
  await page.goto(`/people/${person.id}`);
  const form = page.locator('.measure-form');
  await form.getByLabel('Mål', { exact: true }).selectOption({ index: 0 });
  await form.getByLabel('Eller: faglig behov (når tiltaket ikke hører til et mål)').fill('Tilsyn etter utskrivning');
  await form.getByLabel('Tiltak (hva)').fill('Tilsyn etter sykehusopphold');
  await form.getByLabel('Kommer tidligst').fill('05:00');
  await form.getByLabel('Kommer senest').fill('05:30');
  await form.getByRole('button', { name: 'Legg til tiltak' }).click();
  await expect(page.locator('.measure', { hasText: 'Tilsyn etter sykehusopphold' })).toBeVisible();
  await page.getByRole('link', { name: 'Mitt team' }).click();
  await page.getByRole('button', { name: 'Lag besøk fra planen for de neste 14 dagene' }).click();
  await expect(page.getByRole('status')).toContainText('nye besøk laget');

  await page.getByRole('navigation').getByRole('link', { name: 'Teamtavla' }).click();
  const card = page
    .locator('.board-card', { hasText: `${person.givenName} ${person.familyName}` })
    .filter({ hasText: '05:00' })
    .first();
  await expect(card).toBeVisible();
  await card.getByLabel('Hjelper').selectOption({ label: me.displayName });
  await card.getByRole('button', { name: 'Sett opp hjelper' }).click();
  await page.getByRole('link', { name: 'Min dag' }).click();
  await expect(page.locator('.visit-list li', { hasText: 'Tilsyn etter sykehusopphold' })).toBeVisible();
});

test('the day list shows the chosen date even when the answer for the first date comes late', async ({
  page,
  request,
}) => {
  const [today, tomorrow] = [osloDate(0), osloDate(1)];
  const nurse = await apiAs(request, 'sykepleier');
  const todays: { id: string }[] = await nurse.get(`/api/me/day?date=${today}`);
  const tomorrows: { id: string }[] = await nurse.get(`/api/me/day?date=${tomorrow}`);
  expect(todays.length + tomorrows.length).toBeGreaterThan(0);

  await logIn(page, 'sykepleier');
  // Hold today's answer back until tomorrow's is on screen, as a slow network may do.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(`**/api/me/day?date=${today}`, async (route) => {
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  const lateAnswer = page.waitForEvent('requestfinished', (r) => r.url().endsWith(`/api/me/day?date=${today}`));
  await page.goto('/day');
  await page.getByLabel('Dato').fill(tomorrow);
  const rows = page.locator('.visit-list > li > a');
  const hrefs = tomorrows.map((v) => `/visits/${v.id}`);
  await expect(rows).toHaveCount(hrefs.length);
  release();
  await lateAnswer;
  // Let React commit whatever the late answer would cause before looking again.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(page.getByLabel('Dato')).toHaveValue(tomorrow);
  expect(await rows.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(hrefs);
});
