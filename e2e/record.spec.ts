import { expect, test } from '@playwright/test';
import { apiAs, expectNoAxeViolations, logIn } from './helpers.ts';

test('a team member logs in, sees the team and opens a record, in nb and en', async ({ page, request }) => {
  // 63 in the demo, more once another spec has registered a person in the same server.
  const nurse = await apiAs(request, 'sykepleier');
  const served = (await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`)).length;
  expect(served).toBeGreaterThanOrEqual(63);
  await expectNoAxeViolations(await page.goto('/login').then(() => page));
  await logIn(page, 'sykepleier');
  await expect(page.getByRole('heading', { level: 1, name: 'Min dag' })).toBeVisible();
  await page.getByRole('link', { name: 'Mitt team' }).click();

  // My team: members with profession, and the people we serve.
  await expect(page.getByRole('heading', { level: 1, name: 'Team Tøyen' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Personer teamet hjelper' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Sykepleier' }).first()).toBeVisible();
  const people = page.locator('.people-list a');
  await expect(people).toHaveCount(served);
  await expectNoAxeViolations(page);

  // Search narrows the list; then open one person's record.
  const firstName = (await people.first().locator('.person-name').textContent())!.trim();
  await page.getByLabel('Søk etter navn eller adresse').fill(firstName.split(' ')[1]);
  await people.first().click();
  await expect(page.getByRole('heading', { level: 1, name: firstName })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pårørende', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Hvem i teamet gjør hva' })).toBeVisible();
  await expect(page.getByText('Teamet som hjelper: Team Tøyen')).toBeVisible();
  await expectNoAxeViolations(page);

  // Change the phone number: saved, and the new number is shown.
  await page.getByRole('button', { name: 'Endre telefon' }).click();
  await page.getByLabel('Telefon', { exact: true }).fill('91234567');
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(page.locator('#record-save-status')).toHaveText('Lagret.');
  await expect(page.locator('#record-save-status')).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText('Lagret.');
  await expect(page.getByText('91234567')).toBeVisible();

  // Someone else saves a number while this user edits: 409, the typed number stays to retry, and
  // the record (merged with the changed field the 409 carries) shows theirs.
  await page.getByRole('button', { name: 'Endre telefon' }).click();
  await page.getByLabel('Telefon', { exact: true }).fill('93333333');
  const api = page.request;
  const me = await (await api.get('/api/auth/me')).json();
  const recordUrl = new URL(page.url()).pathname.replace(/^\/people\//, '/api/recipients/');
  const version = (await (await api.get(recordUrl)).json()).record.version;
  const other = await api.patch(recordUrl, {
    data: { version, phone: '92222222' },
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(other.status()).toBe(200);
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(page.locator('#record-save-status')).toHaveText(/Noen andre har endret journalen/);
  await expect(page.locator('#announcer')).toHaveText(/Noen andre har endret journalen/);
  await expect(page.getByRole('heading', { level: 1, name: firstName })).toBeVisible();
  await expect(page.getByLabel('Telefon', { exact: true })).toHaveValue('93333333');
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByText('92222222')).toBeVisible();

  // A bad number is refused with the field named.
  await page.getByRole('button', { name: 'Endre telefon' }).click();
  await page.getByLabel('Telefon', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Lagre', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Telefon');

  // The same record in English.
  // The visible label is the accessible name (WCAG 2.5.3): speech users say what they see.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Who in the team does what' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Norsk', exact: true }).click();
});

test('another team is refused, and can break the glass with a reason', async ({ page, request }) => {
  const nurse = await apiAs(request, 'sykepleier');
  const [person] = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);

  await logIn(page, 'helsefag');
  await page.goto(`/people/${person.id}`);
  await expect(page.getByRole('heading', { name: 'Du har ikke tilgang til denne journalen' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel('Begrunnelse for nødtilgang').fill('kort');
  await page.getByRole('button', { name: 'Åpne med nødtilgang' }).click();
  await expect(page.getByRole('alert')).toContainText('Begrunnelse for nødtilgang');

  await page.getByLabel('Begrunnelse for nødtilgang').fill('Legevakten ringer, trenger pårørendes telefon nå');
  await page.getByRole('button', { name: 'Åpne med nødtilgang' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${person.givenName} ${person.familyName}` })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Åpnet med nødtilgang');
  // Emergency access opens the record, not the team's own acts: no decisions, no «Hvem kommer?» link.
  await expect(page.getByText('Vedtak fattes og medsigneres bare av teamet som hjelper personen')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lag lenke' })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test('the administrator follows up emergency access and checks the log chain', async ({ page, request }) => {
  const nurse = await apiAs(request, 'sykepleier');
  const [person] = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  const other = await apiAs(request, 'helsefag');
  expect(
    (
      await other.post(`/api/recipients/${person.id}/emergency-access`, {
        reason: 'Akutt innleggelse, trenger medisinlisten',
      })
    ).status(),
  ).toBe(201);

  await logIn(page, 'admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Tilgangslogg' })).toBeVisible();
  await expect(page.getByText('Akutt innleggelse, trenger medisinlisten')).toBeVisible();
  await expectNoAxeViolations(page);

  const item = page.locator('.emergency', { hasText: 'Akutt innleggelse, trenger medisinlisten' });
  await item.getByLabel('Oppfølging').fill('Kontrollert med avdelingen');
  await item.getByRole('button', { name: 'Merk som fulgt opp' }).click();
  await expect(page.getByText('Akutt innleggelse, trenger medisinlisten')).toHaveCount(0);

  await page.getByRole('button', { name: 'Kontroller kjeden' }).click();
  await expect(page.getByRole('status')).toContainText('Loggen er hel');

  // The log in plain words, searched by the person's name (no UUID to find first).
  const log = page.getByRole('region', { name: 'Tilgangslogg' }).getByRole('table');
  await expect(log.getByText('Åpnet journalen').first()).toBeVisible();
  await expect(log.getByText(/^(record|care|visits?|planning|team)\./)).toHaveCount(0);
  const name = `${person.givenName} ${person.familyName}`;
  await page.getByLabel('Person (navn eller fødselsnummer)').fill(name);
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(log.getByRole('cell', { name: 'Fikk nødtilgang («bryte glasset»)' }).first()).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: 'Fikk nødtilgang' }).first()).toContainText(name);
  await expect(log.getByRole('cell', { name: 'Søkte etter en person i tilgangsloggen' }).first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a leader sees team figures, not names, and registers a competence', async ({ page, request }) => {
  const nurse = await apiAs(request, 'sykepleier');
  const [person] = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  await logIn(page, 'leder');
  // A record is never open to a leader, and emergency access is not offered (it is for clinical staff).
  await page.goto(`/people/${person.id}`);
  await expect(page.getByRole('heading', { name: 'Du har ikke tilgang til denne journalen' })).toBeVisible();
  await expect(page.getByText('Nødtilgang er bare for helsepersonell')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Åpne med nødtilgang' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Team', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Team i bydelen' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Team Kampen', exact: true }).click();
  await expect(page.getByText('Som leder ser du tall for teamet, ikke den enkeltes journal.')).toBeVisible();
  await expect(page.locator('.people-list')).toHaveCount(0);

  await page.getByLabel('Gyldig fra').fill('2026-02-01');
  await page.getByLabel('Gyldig til (valgfritt)').fill('2026-01-01');
  await page.getByRole('button', { name: 'Lagre kompetanse' }).click();
  await expect(page.getByRole('alert')).toContainText('Gyldig til');
  await page.getByLabel('Gyldig til (valgfritt)').fill('2027-01-01');
  await page.getByRole('button', { name: 'Lagre kompetanse' }).click();
  await expect(page.getByRole('status')).toHaveText('Kompetansen er lagret.');
  await expectNoAxeViolations(page);
});
