import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { apiAs, expectNoAxeViolations, logIn } from './helpers.ts';

/** «Min side» (modules/portal): the demo's `innbygger` and their next of kin `parorende` (consent) and `parorende2` (none). */

async function download(page: Page, name: RegExp) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return readFileSync((await file.path())!);
}

test("the person sees their week and plan, finds the nurse's read in the access log, and downloads their data", async ({
  page,
  request,
}) => {
  await logIn(page, 'innbygger');
  await expect(page.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();
  const whose = (await page.getByText(/^Dette er dine sider, /).textContent())!;
  const name = whose.replace('Dette er dine sider, ', '').replace(/\.$/, '');
  await expect(page.getByRole('heading', { name: 'Hvem kommer denne uken?' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Planen min' })).toBeVisible();
  const week = page.locator('section[aria-labelledby="portal-week"] li');
  await expect(week.first()).toBeVisible();
  expect(await week.count()).toBeGreaterThan(0);
  await expectNoAxeViolations(page);

  // A nurse of the serving team reads the person's record (through the API, as the record page does).
  const nurse = await apiAs(request, 'sykepleier');
  const nurseName = (await nurse.get('/api/auth/me')).displayName as string;
  const people = (await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`)) as {
    id: string;
    givenName: string;
    familyName: string;
  }[];
  const person = people.find((p) => `${p.givenName} ${p.familyName}` === name)!;
  expect(person, name).toBeTruthy();
  expect((await nurse.get(`/api/recipients/${person.id}`)).record.givenName).toBe(person.givenName);

  // A message to the team.
  await page.getByLabel('Melding', { exact: true }).fill('Kan dere ringe før dere kommer på fredag?');
  await page.getByRole('button', { name: 'Send melding' }).click();
  await expect(page.locator('#announcer')).toHaveText('Meldingen er sendt til teamet.');
  await expect(page.getByText(/Kan dere ringe før dere kommer på fredag\?/)).toBeVisible();

  await page.getByRole('link', { name: 'Innsyn og nedlasting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Innsyn og nedlasting' })).toBeVisible();
  const nurseRow = page
    .getByRole('row')
    .filter({ hasText: `${nurseName} (sykepleier)` })
    .filter({ hasText: 'Lest' });
  await expect(nurseRow.first()).toBeVisible();
  await expect(nurseRow.first()).toContainText('Teamet som gir deg hjelp');
  // The person's own reads of these pages are not listed.
  await expect(page.getByRole('row').filter({ hasText: 'Min side' })).toHaveCount(0);
  await expectNoAxeViolations(page);

  const json = JSON.parse(String(await download(page, /Last ned som JSON/)));
  expect(`${json.person.givenName} ${json.person.familyName}`).toBe(name);
  expect(json.messages[0].text).toBe('Kan dere ringe før dere kommer på fredag?');
  expect(json.accessLog.some((r: { who: string; what: string }) => r.who === nurseName && r.what === 'read')).toBe(
    true,
  );
  const pdf = await download(page, /Last ned som PDF/);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.toString('latin1')).toContain('Mine data fra Tillit');

  // The team sees the message on the record page.
  const staff = await nurse.get(`/api/recipients/${person.id}/portal`);
  expect(staff.messages[0].text).toBe('Kan dere ringe før dere kommer på fredag?');
});

test('a next of kin without consent sees nothing of the person; with consent sees the plan', async ({ page }) => {
  await logIn(page, 'parorende2');
  await expect(page.getByRole('heading', { level: 1, name: 'Min side' })).toBeVisible();
  await expect(page.getByText(/Du har ikke fått samtykke/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Planen min' })).toHaveCount(0);
  await expect(page.getByText(/Du ser sidene til/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Innsyn og nedlasting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Innsyn og nedlasting' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Last ned/ })).toHaveCount(0);
  await page.getByRole('button', { name: /Logg ut/ }).click();

  await logIn(page, 'parorende');
  await expect(page.getByText(/^Du ser sidene til .+, som har gitt deg samtykke\.$/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Planen min' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Det som er viktig for meg' })).toBeVisible();
  await expectNoAxeViolations(page);
  // Consents are the person's own: a next of kin is not offered them.
  await page.getByRole('link', { name: 'Innsyn og nedlasting' }).click();
  await expect(page.getByRole('heading', { name: 'Hvem har lest journalen min' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pårørende som kan se sidene mine' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
