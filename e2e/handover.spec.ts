import { expect, test } from '@playwright/test';
import { DEMO, generateDistrict } from '../apps/server/src/modules/demo/generator.ts';
import { shiftAt } from '../apps/server/src/modules/handover/handover.shifts.ts';
import { apiAs, expectNoAxeViolations, logIn, osloDate } from './helpers.ts';

/** The demo district as the server made it (same generator, same seed): a colleague of «sykepleier» in team Tøyen. */
function colleagueOfNurse() {
  const d = generateDistrict(DEMO);
  const nurse = d.users.find((u) => u.username === 'sykepleier')!;
  const team = d.memberships.find((m) => m.staffId === nurse.staffId)!.teamId;
  return d.users.find(
    (u) =>
      u.role === 'member' &&
      u.staffId !== nurse.staffId &&
      d.memberships.some((m) => m.teamId === team && m.staffId === u.staffId),
  )!;
}

/**
 * «Rapport» (#20 item 3): the nurse documents a visit with a note marked «til rapport» and a change
 * in condition; a colleague on the next shift reads the handover built from it and marks each item read.
 */
test('a handover built from the shift’s documentation is acknowledged by the next shift', async ({
  page,
  browser,
  request,
}) => {
  const nurse = await apiAs(request, 'sykepleier');
  const team = nurse.teamIds[0];
  const me = await nurse.get('/api/auth/me');
  const person = (await nurse.get(`/api/teams/${team}/recipients`))[31];
  const measure = await nurse.post(`/api/recipients/${person.id}/measures`, {
    professionalNeed: 'Trenger tilsyn tidlig',
    title: 'Tidlig tilsyn',
    days: [1, 2, 3, 4, 5, 6, 7],
    windowStart: '05:00',
    windowEnd: '05:30',
    durationMinutes: 15,
    usualStaffId: me.staffId,
    decidedWithPerson: true,
  });
  expect(measure.status()).toBe(201);
  await nurse.post(`/api/teams/${team}/visits/generate`, { from: osloDate(), days: 1 });
  const visit = (await nurse.get(`/api/me/day?date=${osloDate()}`)).find(
    (v: { recipient?: { id: string }; recipientId?: string; measures?: { title: string }[] }) =>
      JSON.stringify(v).includes('Tidlig tilsyn'),
  );

  await logIn(page, 'sykepleier');
  await page.goto(`/visits/${visit.id}`);
  await page.getByRole('button', { name: 'Noe var annerledes? Dokumenter tiltak for tiltak' }).click();
  await page.getByLabel('Kort notat').fill('Spiste nesten ingenting, følg med på middagen');
  await page.getByLabel('Til rapport (vises for neste vakt)').check();
  await page.getByLabel(/Endring i tilstand/).fill('Mer andpusten enn vanlig');
  await page.getByRole('button', { name: 'Lagre besøket' }).click();
  await expect(page.locator('#visit-done')).toHaveText('Besøket er dokumentert.');
  await expect(page.locator('#announcer')).toHaveText('Besøket er dokumentert.');

  // The next shift: a colleague on another device.
  const next = colleagueOfNurse();
  const context = await browser.newContext();
  const colleague = await context.newPage();
  await logIn(colleague, next.username);
  await colleague.getByRole('link', { name: 'Rapport' }).click();
  await expect(colleague.getByRole('heading', { level: 1, name: /Rapport/ })).toBeVisible();
  await expectNoAxeViolations(colleague);
  // The shift the nurse documented in is the one running now; the page opens on the one before it.
  const now = shiftAt(new Date());
  await colleague.getByLabel('Dato').fill(now.date);
  await colleague.getByLabel('Vakt').selectOption(now.shift);
  await colleague.getByRole('button', { name: 'Vis' }).click();
  const section = colleague.locator('section', {
    has: colleague.getByRole('heading', { level: 2, name: `${person.givenName} ${person.familyName}` }),
  });
  const note = section.locator('li', { hasText: 'Spiste nesten ingenting, følg med på middagen' });
  const change = section.locator('li', { hasText: 'Mer andpusten enn vanlig' });
  await expect(note).toContainText('Til rapport');
  await expect(change).toContainText('Endring i tilstand');
  await expect(change).toContainText(`Dokumentert av ${me.displayName}`);
  await expectNoAxeViolations(colleague);

  await note.getByRole('button', { name: 'Lest' }).click();
  await expect(note).toContainText(/Lest \d\d[:.]\d\d/);
  await expect(note).toContainText('1 i teamet har lest');
  // What is left unread stays on top.
  await expect(section.locator('li').first()).toContainText('Mer andpusten enn vanlig');
  await change.getByRole('button', { name: 'Lest' }).click();
  await expect(change).toContainText(/Lest \d\d[:.]\d\d/);
  await expectNoAxeViolations(colleague);

  // The nurse sees that the next shift has read it, and has not read it herself.
  await page.getByRole('link', { name: 'Rapport' }).click();
  await page.getByLabel('Dato').fill(now.date);
  await page.getByLabel('Vakt').selectOption(now.shift);
  await page.getByRole('button', { name: 'Vis' }).click();
  const hers = page.locator('li', { hasText: 'Spiste nesten ingenting, følg med på middagen' });
  await expect(hers).toContainText('1 i teamet har lest');
  await expect(hers.getByRole('button', { name: 'Lest' })).toBeVisible();
  await context.close();
});
