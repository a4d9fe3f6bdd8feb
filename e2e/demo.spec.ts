import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations, logIn } from './helpers.ts';

/**
 * «A demo with a past»: a fresh demo district comes with a year of history (demo/history.ts),
 * so the team's and the leader's pages show figures, not the dash («–») that means «nothing to
 * count». Periods still running are left out where the rule says they show nothing: the quarter
 * under way (survey and pulse results only for closed quarters) and the month under way (its
 * figures come as the days are documented).
 */
const DASH = '–';

/** The text of every cell, once the table has its rows. */
async function texts(cells: Locator) {
  await expect(cells.first()).toBeVisible();
  return cells.allInnerTexts();
}

/**
 * The demo has no requests for services (modules/requests), so the two waits — request to
 * decision, decision to first visit — have nothing to count; every other figure must be there.
 */
const WAITS = /Fra søknad til vedtak|Fra vedtak til første besøk/;

async function expectFigures(cells: Locator, least: number, waits = 0) {
  const all = await texts(cells);
  expect(all.length).toBeGreaterThanOrEqual(least);
  expect(all.filter((x) => x.trim() === DASH || x.trim() === '').length).toBeLessThanOrEqual(waits);
}

/** The team dashboard: every month but the one under way, and every closed quarter of the survey. */
async function expectDashboardFigures(page: Page) {
  const months = page
    .getByRole('region', { name: /Tabell: Kommer når vi har avtalt, tiltak gjort/ })
    .locator('tbody tr');
  await expect(months).toHaveCount(6);
  for (let i = 0; i < 5; i++) await expectFigures(months.nth(i).locator('td'), 11, 2);
  const survey = page.locator('#td-survey').locator('..').locator('table');
  const quarters = await survey.locator('thead th').allInnerTexts();
  expect(quarters).toHaveLength(5); // the row heading + four quarters, the last one under way
  for (const row of await survey.locator('tbody tr').all()) {
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toHaveLength(4);
    expect(cells.slice(0, 3).filter((x) => x.trim() === DASH)).toEqual([]);
    expect(cells[3]).toMatch(/ikke over|–/);
  }
}

test('a team member of the demo sees a year of figures on «Våre tall» and the dashboard', async ({ page }) => {
  await logIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Våre tall', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Våre tall – Team Tøyen/ })).toBeVisible();
  // Nine indicators over the last four weeks, and the survey's last closed quarter (ten items).
  await expect(page.getByText(/^\d+ svar$/)).toBeVisible();
  await expectFigures(page.locator('td.figure'), 19);
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Se utviklingen over tid og teamets notater og tiltak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utviklingen over tid – Team Tøyen' })).toBeVisible();
  await expectDashboardFigures(page);
  await expectNoAxeViolations(page);
});

test('the district leader of the demo sees figures for every team: dialogue, barometer, a team’s dashboard', async ({
  page,
}) => {
  await logIn(page, 'leder');
  await page.getByRole('link', { name: 'Dialogmøter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dialogmøter med teamene' })).toBeVisible();
  // Every indicator, this period and the one before, for each of the four teams.
  await expect(page.getByRole('heading', { level: 2, name: 'Saksliste per team' })).toBeVisible();
  const options = await page.getByLabel('Velg tall').locator('option').allInnerTexts();
  expect(options).toHaveLength(11);
  for (const label of options.filter((o) => !WAITS.test(o))) {
    await page.getByLabel('Velg tall').selectOption({ label });
    const table = page.getByRole('region', { name: new RegExp(`Tabell: ${label.replace(/[()]/g, '.')}`) });
    await expect(table.locator('tbody tr')).toHaveCount(4);
    await expectFigures(table.locator('td.figure'), 8);
  }
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Reformbarometeret' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reformbarometer' })).toBeVisible();
  for (const team of ['Team Grønland', 'Team Kampen', 'Team Tøyen', 'Team Vålerenga']) {
    const rows = page.getByRole('row', { name: new RegExp(team) });
    await expect(rows).toHaveCount(2); // barriers and experience
    for (const row of await rows.all()) {
      const cells = await row.locator('td').allInnerTexts();
      expect(Number(cells[0])).toBeGreaterThanOrEqual(5);
      expect(cells.filter((x) => x.trim() === DASH)).toEqual([]);
    }
  }
  // The district has one leader: fewer than five answers are never shown.
  await expect(page.getByRole('row', { name: /Ledere/ }).first()).toContainText('under 5 svar');
  await expectNoAxeViolations(page);

  await page.goto('/');
  await page.getByRole('link', { name: 'Våre tall: Team Grønland' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Våre tall – Team Grønland/ })).toBeVisible();
  await expectFigures(page.locator('td.figure'), 19);
  await page.getByRole('link', { name: 'Se utviklingen over tid og teamets notater og tiltak' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Utviklingen over tid – Team Grønland' })).toBeVisible();
  await expectDashboardFigures(page);
  await expectNoAxeViolations(page);
});
