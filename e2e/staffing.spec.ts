import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, logIn } from './helpers.ts';

/** #22 item 5: a leader reads a team's staffing heat map and its table, beside the trust figures. */
test('a leader reads a team’s staffing heat map with numbers in every cell, and the competence table', async ({
  page,
}) => {
  await logIn(page, 'leder');
  await page.getByRole('link', { name: 'Dialogmøter' }).click();
  await page.getByRole('link', { name: 'Bemanning: Team Tøyen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bemanning og kompetanse' })).toBeVisible();

  const heat = page.getByRole('table', { name: 'Timer trengs av timer bemannet' });
  await expect(heat.getByRole('rowheader')).toHaveText([
    'Morgen (07–11)',
    'Dag (11–15)',
    'Kveld (15–23)',
    'Natt (23–07)',
  ]);
  const cells = heat.locator('td');
  await expect(cells).toHaveCount(28);
  for (const text of await cells.allTextContents()) expect(text).toMatch(/^[\d,]+ av [\d,]+ t/);
  // The demo's visits need hours on weekday mornings.
  const competences = page.getByRole('table', { name: 'Kompetanse', exact: true });
  await expect(competences.getByRole('columnheader')).toHaveText([
    'Dag',
    'Tid på døgnet',
    'Kompetanse',
    'Timer som trengs',
    'Timer bemannet med kompetansen',
  ]);
  await expect(competences.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Minste endring i bemanningen' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Next week is read the same way.
  const week = await page.getByText(/^Uka /).textContent();
  await page.getByRole('button', { name: 'Neste uke' }).click();
  await expect(page.getByText(/^Uka /)).not.toHaveText(week!);
  await expect(heat.locator('td')).toHaveCount(28);
});

/** #22 item 5, last sentence: leaders see the staffing beside the trust indicators in the dialogue meeting. */
test('a leader sees each team’s staffing week in the dialogue meeting, with a link to the heat map', async ({
  page,
}) => {
  await logIn(page, 'leder');
  await page.getByRole('link', { name: 'Dialogmøter' }).click();
  const team = page.getByRole('article', { name: 'Team Tøyen' });
  const staffing = team.getByRole('region', { name: /^Bemanning uka / });
  // Each team's week is computed on its own request; four at once take a while on a small machine.
  await expect(staffing).toBeVisible({ timeout: 30_000 });
  await expect(staffing.getByText(/^[\d,]+ timer trengs, [\d,]+ timer er bemannet\.$/)).toBeVisible();
  await expect(
    staffing
      .getByText(
        /(ganger? i uka er det ingen på vakt med kompetansen|ganger? i uka er det for få timer|Ingen tid på døgnet mangler timer)/,
      )
      .first(),
  ).toBeVisible();
  await expect(staffing.getByRole('heading', { name: 'Minste endring i bemanningen' })).toBeVisible();
  await expectNoAxeViolations(page);
  await staffing.getByRole('link', { name: 'Bemanning: Team Tøyen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bemanning og kompetanse' })).toBeVisible();
});
