import type { PlanView, PlanVisit } from '@tillit/contracts';
import { describe, expect, it } from 'vitest';
import { breaksOf, dayRoutes, distanceKm, gapsOf, projector, routeTravel, stopNumbers } from './planPictures.ts';

const visit = (id: string, start: number, helpers: string[], date = '2026-03-02'): PlanVisit => ({
  id,
  recipientId: `r-${id}`,
  person: id,
  date,
  windowStart: start - 30,
  windowEnd: start + 30,
  duration: 30,
  start,
  helpers,
  changed: false,
  twoHelpers: helpers.length > 1,
  competences: [],
  status: 'planned',
  lockedTo: null,
  measures: [],
});

const view = (visits: PlanVisit[]) =>
  ({
    dates: ['2026-03-02', '2026-03-03'],
    staff: [
      {
        id: 'a',
        name: 'Anna',
        shifts: [
          [
            { start: 420, end: 660 },
            { start: 900, end: 1080 },
          ],
          [],
        ],
        absent: [false, false],
      },
      { id: 'b', name: 'Bo', shifts: [[], []], absent: [false, false] },
    ],
    visits,
  }) as unknown as PlanView;

describe('the plan as a picture', () => {
  it("lists each helper's visits of the day in order, leaves out helpers with neither work nor visits", () => {
    const routes = dayRoutes(
      view([visit('y', 600, ['a']), visit('x', 480, ['a']), visit('z', 480, ['a'], '2026-03-03')]),
      '2026-03-02',
    );
    expect(routes.map((r) => r.staffId)).toEqual(['a']);
    expect(routes[0].stops.map((v) => v.id)).toEqual(['x', 'y']);
  });

  it('marks the gap that spans a split shift as the break, others as travel and waiting', () => {
    const [route] = dayRoutes(
      view([visit('x', 480, ['a']), visit('y', 540, ['a']), visit('z', 930, ['a'])]),
      '2026-03-02',
    );
    expect(gapsOf(route)).toEqual([
      { from: 510, to: 540, isBreak: false },
      { from: 570, to: 930, isBreak: true },
    ]);
    expect(breaksOf(route)).toEqual([{ from: 660, to: 900 }]);
  });

  it('estimates driving like the optimizer: straight line × 1.4 at 25 km/h', () => {
    const a = { lat: 59.9, lon: 10.75 };
    const b = { lat: 59.91, lon: 10.75 };
    expect(distanceKm(a, b)).toBeCloseTo(1.112, 2);
    const t = routeTravel([a, b, a]);
    expect(t.km).toBeCloseTo(2 * 1.112 * 1.4, 2);
    expect(t.minutes).toBeCloseTo((t.km / 25) * 60, 5);
  });

  it('projects north up and keeps the points inside the box', () => {
    const at = projector(
      [
        { lat: 59.9, lon: 10.7 },
        { lat: 60, lon: 10.9 },
      ],
      600,
      400,
    );
    const south = at({ lat: 59.9, lon: 10.7 });
    const north = at({ lat: 60, lon: 10.9 });
    expect(north.y).toBeLessThan(south.y);
    for (const p of [south, north]) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(600);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(400);
    }
  });

  it('numbers the stops in order, one label per home', () => {
    const a = { lat: 59.9, lon: 10.7 };
    const b = { lat: 59.95, lon: 10.8 };
    expect(stopNumbers([a, a, b, a]).map((s) => s.numbers)).toEqual(['1, 2, 4', '3']);
  });
});
