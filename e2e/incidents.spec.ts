import { expect, test } from '@playwright/test';
import { apiAs, expectNoAxeViolations, logIn } from './helpers.ts';

/**
 * Avvik (#20 item 2): a nurse reports an incident in three short fields; the team reviews it on
 * the board and closes it with what it learned and changes; the leader sees only counts.
 */
test('an incident is reported, reviewed on the board and closed with what the team learned', async ({
  page,
  browser,
  request,
}) => {
  const nurse = await apiAs(request, 'sykepleier');
  const people = await nurse.get(`/api/teams/${nurse.teamIds[0]}/recipients`);
  const me = await nurse.get('/api/auth/me');
  const person = people[30];
  const fullName = `${person.givenName} ${person.familyName}`;

  await logIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Teamtavla' }).click();
  const section = page.locator('section', { has: page.getByRole('heading', { name: /Avvik til gjennomgang/ }) });
  await section.getByRole('link', { name: 'Meld avvik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meld avvik' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Sent without the three fields: the browser stops it; with them, in one go.
  await page.getByLabel('Hva gjelder det?').selectOption({ label: 'Fall' });
  await page.getByLabel('Hva skjedde?').fill('Fant ham på gulvet i gangen');
  await page.getByLabel('Hva ble konsekvensen?').fill('Skrubbsår på albuen');
  await page.getByLabel('Hva gjorde du straks?').fill('Hjalp ham opp og stelte såret');
  await page.getByLabel('Gjelder det en person? (valgfritt)').selectOption({ label: fullName });
  await page.getByRole('button', { name: 'Send avviket' }).click();
  await expect(page.getByRole('status')).toContainText('Avviket er sendt til teamet');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Teamtavla' }).first().click();
  const card = page.locator('.board-card', { hasText: 'Fant ham på gulvet i gangen' });
  await expect(card).toContainText(`Gjelder ${fullName}`);
  await expect(card).toContainText(`Meldt av ${me.displayName}`);
  await expect(card.getByRole('heading', { name: 'Fall – Meldt' })).toBeVisible();
  await expectNoAxeViolations(page);

  await card.getByLabel('Hva fant vi på tavlemøtet? (valgfritt)').fill('Løs ledning over gangen');
  await card.getByRole('button', { name: 'Gjennomgått på tavlemøtet' }).click();
  await expect(card.getByRole('heading', { name: 'Fall – Gjennomgått' })).toBeVisible();
  // Closing without what was learned is refused, naming the field.
  await card.getByRole('button', { name: 'Lukk avviket' }).click();
  await expect(page.getByRole('alert')).toContainText('Hva lærte vi?');
  await card.getByLabel('Hva lærte vi?').fill('Ledninger over gangen er en fallfelle');
  await card.getByLabel('Hva endrer vi?').fill('Vi ser etter ledninger og tepper ved hvert førstebesøk');
  await card.getByRole('button', { name: 'Lukk avviket' }).click();
  await expect(page.locator('.board-card', { hasText: 'Fant ham på gulvet i gangen' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Vis lukkede avvik' }).click();
  const closed = page.locator('.board-card', { hasText: 'Fant ham på gulvet i gangen' });
  await expect(closed).toContainText('Ledninger over gangen er en fallfelle');
  await expect(closed.getByRole('heading', { name: 'Fall – Lukket' })).toBeVisible();
  await expectNoAxeViolations(page);

  // The leader sees counts per team and theme, nothing that names the person or the reporter.
  const leaderContext = await browser.newContext();
  const leader = await leaderContext.newPage();
  await logIn(leader, 'leder');
  await leader.getByRole('link', { name: 'Avvik per team' }).click();
  await expect(leader.getByRole('heading', { level: 1, name: 'Avvik per team' })).toBeVisible();
  const row = leader.getByRole('row', { name: /Tøyen Fall/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').last()).not.toHaveText('0');
  await expect(leader.locator('main')).not.toContainText(person.familyName);
  await expect(leader.locator('main')).not.toContainText(me.displayName);
  await expectNoAxeViolations(leader);
  await leaderContext.close();
});
