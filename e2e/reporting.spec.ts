import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logIn } from './helpers.ts';

/** #22 item 3: a meaningless report is named, the team and the leader decide together to remove it, and the hours saved show. */
test('a team member names a meaningless report and proposes removal; the leader confirms; the hours saved show', async ({
  page,
}) => {
  const title = `Ukentlig telling av telefoner ${Date.now()}`;
  await logIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Meningssamlingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Meningssamlingen/ })).toBeVisible();
  const savedBefore = await page.getByTestId('hours-saved').textContent();

  // Sending the form empty puts focus on the first field, with its message in plain words.
  await page.getByRole('button', { name: 'Meld inn', exact: true }).click();
  await expect(page.getByLabel('Hva heter rapporten, skjemaet eller regelen?')).toBeFocused();
  await expect(page.getByText('Skriv hva det heter.')).toBeVisible();

  await page.getByLabel('Hva heter rapporten, skjemaet eller regelen?').fill(title);
  await page.getByLabel('Hvem ber om det?').fill('Tjenestekontoret');
  await page.getByLabel('Hvilken beslutning brukes det til?').fill('Ingen vi kjenner til');
  await page.getByLabel('Timer i måneden for teamet ditt').last().fill('6,5');
  await page.getByRole('button', { name: 'Meld inn', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Meldt inn. Takk!' })).toBeVisible();

  const item = page.getByRole('article', { name: title });
  await expect(item).toContainText('6,5 timer');
  const proposal = item.getByRole('form', { name: `Foreslå hva vi gjør med «${title}»` });
  await proposal.getByLabel('Hva gjør vi?').selectOption('remove');
  await proposal.getByLabel('Begrunnelse').fill('Tallene står allerede i telefonloggen');
  await proposal.getByRole('button', { name: 'Foreslå' }).click();
  await expect(item).toContainText('Forslag venter på bekreftelse');
  // The team proposed: it is not the team's to confirm.
  await expect(item.getByRole('button', { name: /Bekreft/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await logIn(page, 'leder');
  await page.getByRole('link', { name: 'Meningssamlingen' }).click();
  const forLeader = page.getByRole('article', { name: title });
  await forLeader.getByRole('button', { name: 'Bekreft: Fjerne' }).click();
  await expect(forLeader).toContainText('Bestemt');
  const saved = Number((await page.getByTestId('hours-saved').textContent())!.replace(/[^\d,]/g, '').replace(',', '.'));
  const before = Number(savedBefore!.replace(/[^\d,]/g, '').replace(',', '.'));
  expect(saved).toBeCloseTo(before + 6.5, 5);
  await expectNoAxeViolations(page);
});
