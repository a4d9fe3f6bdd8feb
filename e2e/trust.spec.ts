import { osloToday, quarterOf } from '@tillit/contracts';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logIn } from './helpers.ts';

test('the team sees its own figures with definitions; a leader sees the same team-level figures', async ({ page }) => {
  await logIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Våre tall', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Våre tall – Team Tøyen/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Kommer når vi har avtalt' })).toBeVisible();
  await expect(
    page.getByText('Andel av besøkene med innsjekking som ble startet innenfor det avtalte tidsvinduet.', {
      exact: false,
    }),
  ).toBeVisible();
  // Visits documented without a check-in are a figure of their own, not counted as late.
  await expect(page.getByRole('rowheader', { name: 'Dokumentert uten innsjekking' })).toBeVisible();
  await expectNoAxeViolations(page);

  // A period that ends before it starts is refused with the field named.
  await page.getByLabel('Fra', { exact: true }).fill('2026-11-20');
  await page.getByLabel('Til', { exact: true }).fill('2026-11-01');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByRole('alert')).toContainText('Til');

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await logIn(page, 'leder');
  await page.getByRole('link', { name: 'Våre tall: Team Grønland' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Våre tall – Team Grønland/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('a person answers the survey on the handed-over tablet; the helper sees only thanks, the team only five or more', async ({
  page,
}) => {
  await logIn(page, 'sykepleier');
  await page.locator('.visit-list li a').first().click();
  await page.getByRole('button', { name: 'Gi nettbrettet til personen (spørreskjema)' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Hvordan er hjelpen du får?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logg ut' })).toHaveCount(0); // no menu on the tablet
  await expectNoAxeViolations(page);
  // Sending nothing is refused and uses up nothing: the form stays.
  await page.getByRole('button', { name: 'Send svarene' }).click();
  await expect(page.getByRole('alert')).toContainText('Svarene: svar på minst ett spørsmål før du sender');
  await page.getByLabel('5 – Helt enig').first().check();
  await page
    .getByRole('group', { name: /De som hjelper meg, kan det de gjør/ })
    .getByLabel('4 – Litt enig')
    .check();
  await page
    .getByRole('group', { name: /De vet hva som er viktig for meg/ })
    .getByLabel('Vet ikke')
    .check();
  await page.getByLabel('Hva er viktig for deg nå?').fill('Å få komme ut i hagen når det er fint vær');
  await page.getByRole('button', { name: 'Send svarene' }).click();

  await expect(page.getByRole('heading', { name: 'Takk for svarene dine!' })).toBeVisible();
  await expect(page.getByText('Å få komme ut i hagen')).toHaveCount(0);
  await expect(page.getByLabel('5 – Helt enig')).toHaveCount(0);
  await page.getByRole('button', { name: 'Tilbake til dagen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min dag' })).toBeVisible();

  await page.getByRole('link', { name: 'Våre tall', exact: true }).click();
  // Only closed quarters are shown: the demo's last one (its past answers), never the one this answer went into.
  await expect(page.getByText(/^\d+ svar$/)).toBeVisible();
  await expect(page.getByText('Å få komme ut i hagen')).toHaveCount(0);
});

test('staff answer the pulse anonymously; the leader sees the barometer with small groups hidden', async ({ page }) => {
  await logIn(page, 'helsefag');
  await page.getByRole('link', { name: 'Puls' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pulsmåling' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page
    .getByRole('group', { name: /Regler, systemer eller rapportering/ })
    .getByLabel('4 – Litt enig')
    .check();
  await page
    .getByRole('group', { name: /Arbeidet mitt gir mening/ })
    .getByLabel('5 – Helt enig')
    .check();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status')).toHaveText('Takk! Svaret ditt er lagret anonymt.');

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await logIn(page, 'leder');
  await page.getByRole('link', { name: 'Barometer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reformbarometer' })).toBeVisible();
  // The demo district has one leader: the leaders' group stays under five answers and is never shown.
  const row = page.getByRole('row', { name: /Ledere/ }).first();
  await expect(row).toContainText('under 5 svar');
  await expectNoAxeViolations(page);
  // The running quarter shows nothing until it is over.
  // The quarter is picked, never typed (no "2026Q4" to get right).
  const quarter = page.getByRole('combobox', { name: 'Kvartal' });
  await quarter.selectOption(quarterOf(osloToday()));
  await expect(quarter.locator('option:checked')).toHaveText(/^[1-4]\. kvartal \d{4} \(pågår\)$/);
  await expect(page.getByText('Kvartalet er ikke over ennå.', { exact: false })).toBeVisible();
  await expect(page.getByRole('row', { name: /Team Grønland/ })).toHaveCount(0);
});

test('a leader assesses their own leadership against the five misconceptions; it is kept for them', async ({
  page,
}) => {
  await logIn(page, 'leder');
  await page.getByRole('link', { name: 'Egenvurdering' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Egenvurdering: fem misforståelser om tillit' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(5);
  const first = page.getByRole('region', { name: /Tillit kan bestemmes ovenfra/ });
  await expect(first.getByText('Hvilke beslutninger har vi tatt sammen, og hvilke har jeg tatt alene?')).toBeVisible();
  await expectNoAxeViolations(page);
  await first.getByLabel('4 – I ganske stor grad').check();
  await first.getByLabel('Mine notater (bare du ser dem)').fill('Jeg tar for mange beslutninger alene.');
  await page
    .getByRole('region', { name: /Tillit er det motsatte av kontroll/ })
    .getByLabel('2 – I liten grad')
    .check();
  await page.getByRole('button', { name: 'Lagre egenvurderingen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Egenvurderingen er lagret.' })).toBeVisible();

  await page.reload();
  const again = page.getByRole('region', { name: /Tillit kan bestemmes ovenfra/ });
  await expect(again.getByLabel('4 – I ganske stor grad')).toBeChecked();
  await expect(again.getByLabel('Mine notater (bare du ser dem)')).toHaveValue('Jeg tar for mange beslutninger alene.');
});

test('a leader compares the teams for dialogue meetings: a chart with its table, an agenda, CSV', async ({ page }) => {
  await logIn(page, 'leder');
  await page.getByRole('link', { name: 'Dialogmøter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dialogmøter med teamene' })).toBeVisible();
  const chart = page.getByRole('img', {
    name: /Diagram: Kommer når vi har avtalt: denne perioden og forrige, per team/,
  });
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
  const table = page.getByRole('region', { name: /Tabell: Kommer når vi har avtalt/ });
  await expect(table.getByRole('rowheader', { name: 'Team Tøyen' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Forrige periode' })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(5); // header + the four demo teams
  await expect(page.getByRole('link', { name: 'Last ned sammenligningen som CSV' })).toHaveAttribute(
    'download',
    /\.csv$/,
  );
  await expect(page.getByRole('heading', { level: 2, name: 'Saksliste per team' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Team Grønland' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Another figure: the chart and the table follow.
  await page.getByLabel('Velg tall').selectOption({ label: 'Kjente ansikter: ulike hjelpere per person' });
  await expect(
    page.getByRole('region', { name: /Tabell: Kjente ansikter/ }).getByRole('rowheader', { name: 'Team Kampen' }),
  ).toBeVisible();

  // A period that ends before it starts is refused with the field named.
  await page.getByLabel('Fra', { exact: true }).fill('2026-11-20');
  await page.getByLabel('Til', { exact: true }).fill('2026-11-01');
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page.getByRole('alert')).toContainText('Til');
  await page.getByRole('link', { name: 'Reformbarometeret' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reformbarometer' })).toBeVisible();
});

test('the team follows its figures over time and keeps its own notes and actions', async ({ page }) => {
  await logIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Våre tall', exact: true }).click();
  await page.getByRole('link', { name: 'Se utviklingen over tid og teamets notater og tiltak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utviklingen over tid – Team Tøyen' })).toBeVisible();
  await expect(
    page
      .getByRole('img', { name: /Diagram: Kommer når vi har avtalt, tiltak gjort som avtalt/ })
      .locator('.recharts-wrapper > svg.recharts-surface'),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: /Tabell: Kommer når vi har avtalt, tiltak gjort/ }).getByRole('row'),
  ).toHaveCount(7); // header + six months
  await expect(page.getByRole('heading', { level: 2, name: 'Teamets notater og tiltak' })).toBeVisible();
  await expect(page.getByText('Ingen notater eller tiltak ennå.')).toBeVisible();

  // Nothing written: the field is named and nothing is saved.
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('alert')).toContainText('Notat eller tiltak');

  await page.getByRole('textbox', { name: 'Notat eller tiltak' }).fill('Faste hjelpere på kveldsrunden');
  await page.getByLabel('Hvem har ansvaret').selectOption({ label: 'Koordinator' });
  await page.getByLabel('Frist (valgfritt)').fill('2026-12-15');
  await page.getByRole('button', { name: 'Lagre' }).click();
  const row = page.getByRole('row', { name: /Faste hjelpere på kveldsrunden/ });
  await expect(row).toContainText('Koordinator');
  await expect(row).toContainText('Tiltak');
  await row.getByRole('checkbox', { name: 'Ferdig: Faste hjelpere på kveldsrunden' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Merket som ferdig.' })).toBeVisible();
  await expect(row.getByRole('checkbox')).toBeChecked();
  await expectNoAxeViolations(page);
});

test('a helper makes a survey link with a QR code for the person’s own phone', async ({ page }) => {
  await logIn(page, 'sykepleier');
  await page.locator('.visit-list li a').first().click();
  await page.getByRole('button', { name: 'Lag lenke og QR-kode' }).click();
  await expect(page.getByRole('img', { name: 'QR-kode med lenken til spørreskjemaet' })).toBeVisible();
  const url = await page.getByLabel('Lenken').inputValue();
  expect(url).toMatch(/\/survey\/[\w-]{20,}$/);
  await expectNoAxeViolations(page);
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Hvordan er hjelpen du får?' })).toBeVisible();
});
