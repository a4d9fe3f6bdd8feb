import { expect, type Locator, test } from '@playwright/test';
import { apiAs, expectNoAxeViolations, logIn, osloDate, recordBurden } from './helpers.ts';

/**
 * Medicines in the browser: prescribed on the person's list, given (or refused) at the visit, a
 * refusal on the team board, a high-risk dose signed by two people, and a visit with three doses
 * documented from «Min dag» in two taps (written to bench-results/documentation-burden.json).
 * Each test uses its own people and an early-morning window no other spec uses.
 */
type Nurse = Awaited<ReturnType<typeof apiAs>>;

async function personWithVisit(nurse: Nurse, index: number, from: string, to: string) {
  const people = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  const me = await nurse.get('/api/auth/me');
  const person = people[index];
  const measure = await nurse.post(`/api/recipients/${person.id}/measures`, {
    professionalNeed: 'Hjelp med legemidler',
    title: 'Legemidler',
    days: [1, 2, 3, 4, 5, 6, 7],
    windowStart: from,
    windowEnd: to,
    durationMinutes: 15,
    usualStaffId: me.staffId,
    decidedWithPerson: true,
  });
  expect(measure.status()).toBe(201);
  await nurse.post(`/api/teams/${nurse.teamIds[0]}/visits/generate`, { from: osloDate(0), days: 1 });
  const day: { id: string; recipientId: string; windowStart: number }[] = await nurse.get(
    `/api/me/day?date=${osloDate(0)}`,
  );
  const visit = day.find((v) => v.recipientId === person.id);
  expect(visit).toBeTruthy();
  return { person, me, visitId: visit!.id };
}

const prescription = (drugName: string, time: string, over: Record<string, unknown> = {}) => ({
  drugName,
  form: 'tablet',
  strength: '50 mg',
  dose: '1 tablett',
  times: [time],
  route: 'oral',
  indication: 'Høyt blodtrykk',
  prescriber: 'Fastlege Berg',
  startDate: osloDate(0),
  dispensing: 'multidose',
  source: 'gp_letter',
  reason: 'Ny fra fastlegen',
  ...over,
});

test('prescribed on the list → the dose at the visit → refused → on the team board', async ({ page, request }) => {
  const nurse = await apiAs(request, 'sykepleier');
  const { person } = await personWithVisit(nurse, 20, '04:00', '04:30');
  await logIn(page, 'sykepleier');
  await page.goto(`/people/${person.id}`);
  await page.getByRole('link', { name: 'Legemidler', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Legemidler');
  const form = page.locator('.prescribe-form');
  await form.getByLabel('Legemiddel', { exact: true }).fill('Metoprolol');
  await form.getByLabel('Styrke').fill('50 mg');
  await form.getByLabel('Dose', { exact: true }).fill('1 tablett');
  await form.getByLabel('Mot (indikasjon)').fill('Høyt blodtrykk');
  await form.getByLabel('Forskrevet av').fill('Fastlege Berg');
  await form.getByLabel(/Klokkeslett/).fill('04:15');
  await form.getByLabel('ATC-kode (valgfritt)').fill('C07AB02');
  await form.getByLabel('Hvorfor').fill('Ny fra fastlegen');
  await form.getByRole('button', { name: 'Lagre legemiddelet' }).click();
  await expect(form.getByRole('status')).toHaveText('Legemiddelet er lagt til.');
  await expect(page.getByRole('region', { name: 'Morgen (før 11)' })).toContainText('04:15 Metoprolol 50 mg');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Min dag' }).click();
  const row = page
    .locator('.visit-list li', { hasText: `${person.givenName} ${person.familyName[0]}.` })
    .filter({ hasText: '04:00' });
  await expect(row).toContainText('1 dose');
  await row.getByRole('link').click();
  const doses = page.getByRole('region', { name: 'Legemidler ved besøket' });
  const dose = doses.getByRole('listitem').filter({ hasText: 'Metoprolol' });
  await expect(dose).toContainText('04:15 Metoprolol 50 mg');
  await dose.getByRole('button', { name: 'Ikke gitt' }).click();
  await dose.getByLabel('Hvorfor ikke gitt?').selectOption({ label: 'Nektet' });
  await expectNoAxeViolations(page);
  await dose.getByRole('button', { name: 'Lagre' }).click();
  await expect(dose).toContainText('Ikke gitt');
  await expect(dose).toContainText('Nektet');

  await page.getByRole('link', { name: 'Teamtavla' }).click();
  const column = page.getByRole('region', { name: /Legemidler ikke gitt/ });
  await expect(column.locator('.board-card', { hasText: `${person.givenName} ${person.familyName}` })).toContainText(
    'Metoprolol: Nektet',
  );
  await expectNoAxeViolations(page);
});

test('a high-risk dose is signed by two people', async ({ page, browser, request }) => {
  const nurse = await apiAs(request, 'sykepleier');
  const { person, visitId } = await personWithVisit(nurse, 21, '04:30', '05:00');
  const rx = prescription('Insulin aspart', '04:45', {
    form: 'injection',
    strength: '100 E/ml',
    dose: '8 E',
    route: 'subcutaneous',
    indication: 'Diabetes',
    atcCode: 'A10AB05',
  });
  expect((await nurse.post(`/api/recipients/${person.id}/medications`, rx)).status()).toBe(201);

  await logIn(page, 'sykepleier');
  await page.goto(`/visits/${visitId}`);
  const dose = page
    .getByRole('region', { name: 'Legemidler ved besøket' })
    .getByRole('listitem')
    .filter({ hasText: 'Insulin' });
  await expect(dose).toContainText('Krever to signaturer');
  await dose.getByRole('button', { name: 'Gitt', exact: true }).click();
  await expect(dose).toContainText('venter på andre signatur');
  // The giver cannot be the second signature.
  await dose.getByRole('button', { name: 'Signer som nummer to' }).click();
  await expect(page.getByRole('alert')).toContainText('Andre signatur må komme fra en annen person');
  await expectNoAxeViolations(page);

  const second = await browser.newContext();
  const other = await second.newPage();
  await logIn(other, 'sykepleier2');
  await other.goto(`/visits/${visitId}`);
  const same = other
    .getByRole('region', { name: 'Legemidler ved besøket' })
    .getByRole('listitem')
    .filter({ hasText: 'Insulin' });
  await same.getByRole('button', { name: 'Signer som nummer to' }).click();
  const secondName = (await (await other.request.get('/api/auth/me')).json()).displayName;
  await expect(same).toContainText(`Andre signatur: ${secondName}`);
  await expectNoAxeViolations(other);
  await second.close();

  await page.reload();
  await expect(dose).toContainText(`Andre signatur: ${secondName}`);
  await expect(dose).not.toContainText('venter på andre signatur');
});

test('a visit with three doses, all given as planned, takes two taps from the day list', async ({ page, request }) => {
  const nurse = await apiAs(request, 'sykepleier');
  const { person, visitId } = await personWithVisit(nurse, 22, '03:00', '03:30');
  for (const [name, time] of [
    ['Metoprolol', '03:00'],
    ['Furix', '03:15'],
    ['Albyl-E', '03:30'],
  ])
    expect((await nurse.post(`/api/recipients/${person.id}/medications`, prescription(name, time))).status()).toBe(201);

  await logIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Min dag' }).click();
  const row = page
    .locator('.visit-list li', { hasText: `${person.givenName} ${person.familyName[0]}.` })
    .filter({ hasText: '03:00' });
  await expect(row).toContainText('3 doser');
  await expectNoAxeViolations(page);
  let taps = 0;
  const tap = async (l: Locator) => {
    taps++;
    await l.click();
  };
  await tap(row.getByRole('button', { name: /Alt utført som planlagt/ }));
  await tap(row.getByRole('button', { name: 'Bekreft: alt utført' }));
  await expect(row).toContainText('utført');
  const after: { doses: { status: string | null; givenBy: string | null }[] } = await nurse.get(
    `/api/visits/${visitId}/doses`,
  );
  expect(after.doses.map((d) => d.status)).toEqual(['given', 'given', 'given']);
  expect(taps).toBeLessThanOrEqual(2);
  recordBurden({ medicationVisitTaps: taps });
});
