import { expect, test } from '@playwright/test';
import { apiAs, expectNoAxeViolations, logIn } from './helpers.ts';

interface View {
  dates: string[];
  staff: { id: string; name: string; shifts: unknown[][] }[];
  visits: { date: string; status: string; helpers: string[] }[];
}

test("the week plan draws the chosen day's timeline and routes map, each with its table", async ({ page, request }) => {
  test.setTimeout(180_000);
  await logIn(page, 'sykepleier');
  await page.getByRole('link', { name: 'Ukeplan', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ukeplan' })).toBeVisible();
  await page.getByLabel('Periode', { exact: true }).selectOption({ label: 'Én uke' });
  await page.getByLabel('Tenketid', { exact: true }).selectOption({ label: '5 sekunder' });
  await page.getByRole('button', { name: 'Lag forslag' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Forslaget er klart' })).toBeVisible({ timeout: 90_000 });

  // The numbers the pictures should hold, read from the same proposal through the API.
  const runId = new URL(page.url()).searchParams.get('run');
  const view = (await (await apiAs(request, 'sykepleier')).get(`/api/planning/runs/${runId}`)) as View;
  const day = view.dates[0];
  const dayVisits = view.visits.filter((v) => v.date === day && v.status !== 'cancelled');
  const perHelper = view.staff.map((s) => dayVisits.filter((v) => v.helpers.includes(s.id)).length);
  const visitRows = perHelper.reduce((a, b) => a + b, 0);
  const helpersWithVisits = perHelper.filter((n) => n > 0).length;
  expect(visitRows).toBeGreaterThan(0);

  const timeline = page.getByRole('figure', { name: /^Dagen for hver hjelper/ });
  await expect(timeline.getByRole('img', { name: /Dagen for hver hjelper/ })).toBeVisible();
  await expect(timeline.getByRole('img').locator('svg rect.pp-visit')).toHaveCount(visitRows);
  // The table is folded under the picture; its summary says how many rows it holds.
  await timeline.getByText(new RegExp(`^Vis tabellen \\(${visitRows} rad`)).click();
  const timelineTable = timeline.getByRole('region', { name: /^Tabell: Dagen for hver hjelper/ }).getByRole('table');
  await expect(timelineTable.locator('tbody tr')).toHaveCount(visitRows);
  await expect(timelineTable.getByRole('columnheader', { name: 'Tidsvindu' })).toBeVisible();

  const map = page.getByRole('figure', { name: /^Rutene på kart/ });
  await expect(map.getByRole('img', { name: /Rutene på kart/ })).toBeVisible();
  await expect(map.getByRole('img').locator('svg polyline')).toHaveCount(helpersWithVisits);
  await map.getByText(/^Vis tabellen \(\d+ rad/).click();
  const mapTable = map.getByRole('region', { name: /^Tabell: Rutene på kart/ }).getByRole('table');
  await expect(mapTable.locator('tbody tr')).toHaveCount(helpersWithVisits);
  await expect(mapTable.getByRole('columnheader', { name: 'Km (anslag)' })).toBeVisible();

  // Picking one helper numbers that route's stops in order.
  const busiest = perHelper.indexOf(Math.max(...perHelper));
  await expect(map.locator('svg.pp-map text')).toHaveCount(0);
  await map.getByLabel('Vis ruten til').selectOption({ label: view.staff[busiest].name });
  // One label per home: "1, 3" where the helper comes to the same home twice.
  const numbers = async () => (await map.locator('svg.pp-map text').allTextContents()).join(', ').split(', ');
  await expect
    .poll(async () => (await numbers()).map(Number).sort((a, b) => a - b))
    .toEqual(Array.from({ length: perHelper[busiest] }, (_, i) => i + 1));

  // Another day: the pictures follow the day picker.
  const next = view.dates[1];
  await page.getByLabel('Dag', { exact: true }).selectOption(next);
  const nextRows = view.staff
    .map(
      (s) => view.visits.filter((v) => v.date === next && v.status !== 'cancelled' && v.helpers.includes(s.id)).length,
    )
    .reduce((a, b) => a + b, 0);
  await expect(page.getByRole('figure', { name: /^Dagen for hver hjelper/ }).locator('tbody tr')).toHaveCount(nextRows);
  await expectNoAxeViolations(page);
});
