import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logIn } from './helpers.ts';

/**
 * «Rapportering til KPR» (#22 item 2, «Report once»): the district's leader produces the year's
 * data set from the record, sees what is missing with a link to the place in the record where the
 * team fixes it, and downloads the file — nothing typed for reporting.
 */
test('a leader produces the KPR export and its validation report, and downloads it', async ({ page }) => {
  await logIn(page, 'leder');
  await page.getByRole('link', { name: 'Rapportering til KPR' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapportering til KPR' })).toBeVisible();
  await expectNoAxeViolations(page);

  const year = new Date().getFullYear();
  await page.getByLabel('År').selectOption(String(year));
  await page.getByLabel('Periode').selectOption('quarter');
  await page.getByLabel('Kvartal').selectOption('1');
  await page.getByLabel('Periode').selectOption('year');
  await page.getByRole('button', { name: 'Lag uttrekket' }).click();

  const result = page.getByRole('heading', { level: 2, name: new RegExp(`${year}-01-01 – ${year}-12-31`) });
  await expect(result).toBeFocused();
  await expect(page.getByText(/\d+ personer, \d+ tjenester, \d+ linjer i CSV-filen/)).toBeVisible();

  // The validation report: each problem names the person and links to where the team fixes it.
  const report = page.getByRole('region', { name: /Det som mangler eller er feil/ });
  await expect(report).toBeVisible();
  const fix = report.getByRole('link', { name: /^Funksjonsvurdering for / }).first();
  await expect(fix).toHaveAttribute('href', /^\/people\/[0-9a-f-]{36}#funksjon$/);
  await expectNoAxeViolations(page);

  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Last ned CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`kpr-0301-${year}-01-01-${year}-12-31.csv`);
  const lines = readFileSync((await csv.path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(lines[0]).toMatch(/^nationalId;idType;birthYear;sex;municipalityNumber;serviceCode;/);
  expect(lines.length).toBeGreaterThan(100);
  // Every row is a person; one served under a decision carries its service. (People registered by
  // other browser tests, e.g. the CSV import, have no decision yet: their service cells are empty and
  // the validation report names them.)
  expect(lines.slice(1).some((l) => /^\d{11};[FD];\d{4};[12];0301;(1|2|6|15);/.test(l))).toBe(true);
  expect(lines.slice(1).every((l) => /^\d{11};[FD];\d{4};[12];0301;/.test(l))).toBe(true);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Last ned JSON' }).click(),
  ]);
  const persons = JSON.parse(readFileSync((await json.path())!, 'utf8'));
  expect(persons[0]).toMatchObject({ municipalityNumber: '0301', services: expect.any(Array) });
});

test('a team member is not offered the page, and the server refuses the export', async ({ page }) => {
  await logIn(page, 'sykepleier');
  await expect(page.getByRole('link', { name: 'Rapportering til KPR' })).toHaveCount(0);
  const answer = await page.request.get('/api/districts');
  expect(answer.status()).toBe(403);
});
