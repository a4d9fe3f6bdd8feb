import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logIn } from './helpers.ts';

test('the team sees its own figures with definitions; a leader sees the same team-level figures', async ({ page }) => {
  await logIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Våre tall', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Våre tall – Team Tøyen/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Kommer når vi har avtalt' })).toBeVisible();
  await expect(page.getByText('Andel av besøkene som ble startet (sjekket inn) innenfor det avtalte tidsvinduet.')).toBeVisible();
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

test('a person answers the survey on the handed-over tablet; the helper sees only thanks, the team only five or more', async ({ page }) => {
  await logIn(page, 'sykepleier');
  await page.locator('.visit-list li a').first().click();
  await page.getByRole('button', { name: 'Gi nettbrettet til personen (spørreskjema)' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Hvordan er hjelpen du får?' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Logg ut' })).toHaveCount(0); // no menu on the tablet
  await expectNoAxeViolations(page);
  await page.getByLabel('5 – Helt enig').first().check();
  await page.getByRole('group', { name: /De som hjelper meg, kan det de gjør/ }).getByLabel('4 – Litt enig').check();
  await page.getByRole('group', { name: /De vet hva som er viktig for meg/ }).getByLabel('Vet ikke').check();
  await page.getByLabel('Hva er viktig for deg nå?').fill('Å få komme ut i hagen når det er fint vær');
  await page.getByRole('button', { name: 'Send svarene' }).click();

  await expect(page.getByRole('heading', { name: 'Takk for svarene dine!' })).toBeVisible();
  await expect(page.getByText('Å få komme ut i hagen')).toHaveCount(0);
  await expect(page.getByLabel('5 – Helt enig')).toHaveCount(0);
  await page.getByRole('button', { name: 'Tilbake til dagen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Min dag' })).toBeVisible();

  await page.getByRole('link', { name: 'Våre tall', exact: true }).click();
  await expect(page.getByText('For få svar til å vise (under 5).', { exact: false })).toBeVisible();
  await expect(page.getByText('Å få komme ut i hagen')).toHaveCount(0);
});

test('staff answer the pulse anonymously; the leader sees the barometer with small groups hidden', async ({ page }) => {
  await logIn(page, 'helsefag');
  await page.getByRole('link', { name: 'Puls' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pulsmåling' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('group', { name: /Regler, systemer eller rapportering/ }).getByLabel('4 – Litt enig').check();
  await page.getByRole('group', { name: /Arbeidet mitt gir mening/ }).getByLabel('5 – Helt enig').check();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('status')).toHaveText('Takk! Svaret ditt er lagret anonymt.');

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await logIn(page, 'leder');
  await page.getByRole('link', { name: 'Barometer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reformbarometer' })).toBeVisible();
  const row = page.getByRole('row', { name: /Team Grønland/ }).first();
  await expect(row).toContainText('under 5 svar');
  await expectNoAxeViolations(page);
});
