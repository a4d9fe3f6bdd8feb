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
