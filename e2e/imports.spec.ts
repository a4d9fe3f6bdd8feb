import { completeNationalId } from '@tillit/contracts';
import { expect, test } from '@playwright/test';
import { apiAs, expectNoAxeViolations, logIn } from './helpers.ts';

/**
 * CSV import (#24 item 5): an administrator tries a file of people served with a bad row, sees
 * the row refused and why, corrects the file, imports it and sees the new people.
 */
const ids = ['718831101', '718831202', '718831303'].map((n) => completeNationalId(n) as string);
const header =
  'national_id;given_name;family_name;address;postcode;city;lat;lon;birth_date;phone;team;start_date;next_of_kin_name;next_of_kin_relation;next_of_kin_phone;consent_share_with_next_of_kin;reservation_against_sharing';
const row = (id: string, name: string, team: string) =>
  `${id};${name};Importsen;Tøyengata 1;0650;Oslo;59,91;10,77;;;${team};01.09.2025;;;;ja;nei`;
const file = (rows: string[]) => ({
  name: 'brukere.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`, 'utf8'),
});

test('an administrator tries a file, sees the refused row and why, corrects it and imports it', async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, 'admin');
  const [team] = await admin.get('/api/teams');
  const bad = [
    row(ids[0], 'Ingrid', team.name),
    row(ids[1], 'Sverre', 'Team Atlantis'),
    row(ids[2], 'Tove', team.name),
  ];

  await logIn(page, 'admin');
  await page.getByRole('link', { name: 'Importer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importer' })).toBeVisible();
  await page.getByLabel('Brukere (tjenestemottakere)').check();
  await page.getByLabel('Velg fil').setInputFiles(file(bad));
  await expect(page.getByLabel('Eller lim inn innholdet i filen')).toHaveValue(/Sverre/);
  const importButton = page.getByRole('button', { name: 'Importer', exact: true });
  await expect(importButton).toBeDisabled();
  await page.getByRole('button', { name: 'Prøv først' }).click();

  await expect(page.locator('#imports-result')).toHaveText('3 rader: 2 kan importeres, 1 avvises.');
  await expect(page.locator('#imports-result')).toBeFocused();
  const refused = page.getByRole('region', { name: 'Rader som avvises' }).getByRole('row');
  await expect(refused).toHaveCount(2);
  await expect(refused.nth(1).getByRole('cell')).toHaveText([
    '3',
    'Sverre Importsen',
    'team',
    'Ukjent team. «Team Atlantis»',
  ]);
  await expect(importButton).toBeDisabled();
  await expectNoAxeViolations(page);

  // The corrected file: tried again, nothing to refuse, and only then «Importer».
  const good = [row(ids[0], 'Ingrid', team.name), row(ids[1], 'Sverre', team.name), row(ids[2], 'Tove', team.name)];
  await page.getByLabel('Velg fil').setInputFiles(file(good));
  await expect(importButton).toBeDisabled();
  await page.getByRole('button', { name: 'Prøv først' }).click();
  await expect(page.locator('#imports-result')).toHaveText('3 rader: 3 kan importeres, 0 avvises.');
  await expect(importButton).toBeEnabled();
  await importButton.click();

  await expect(page.locator('#imports-result')).toHaveText('3 rader er importert.');
  await expect(page.locator('#announcer')).toHaveText('3 rader er importert.');
  const imported = page.locator('section', { has: page.getByRole('heading', { name: 'Importert' }) });
  await expect(imported.getByRole('listitem')).toHaveText(['Ingrid Importsen', 'Sverre Importsen', 'Tove Importsen']);
  await expectNoAxeViolations(page);

  // The team now counts them among the people it serves.
  const after = await admin.get(`/api/teams/${team.id}`);
  expect(after.recipientCount).toBe(team.recipientCount + 3);
  // The same file again is refused row by row: they are registered.
  await page.getByRole('button', { name: 'Prøv først' }).click();
  await expect(page.locator('#imports-result')).toHaveText('3 rader: 0 kan importeres, 3 avvises.');
  await expect(page.getByRole('region', { name: 'Rader som avvises' })).toContainText(
    'En person med dette fødselsnummeret er allerede registrert.',
  );
});
