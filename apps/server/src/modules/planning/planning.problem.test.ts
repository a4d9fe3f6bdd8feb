import { checkSolution, solve } from '@tillit/optimizer';
import { describe, expect, it } from 'vitest';
import { planFigures } from './planning.figures.ts';
import {
  assignmentsFrom,
  baselineFrom,
  buildProblem,
  skillOn,
  unassignedReason,
  type PlanningData,
  type PlanningStaff,
  type PlanningVisit,
} from './planning.problem.ts';
import type { RotaPattern } from './rota.ts';

const weekdays = (staffId: string, start = 450, end = 900): RotaPattern => ({
  staffId,
  kind: 'day',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  everyWeeks: 1,
  weekOffset: 0,
  startMinute: start,
  endMinute: end,
  validFrom: '2026-01-01',
  validUntil: null,
});
const helper = (id: string, competences: PlanningStaff['competences'] = []): PlanningStaff => ({
  id,
  name: id,
  competences,
  rota: [weekdays(id)],
  absences: [],
});
const visit = (id: string, recipientId: string, date: string, extra: Partial<PlanningVisit> = {}): PlanningVisit => ({
  id,
  recipientId,
  date,
  windowStart: 480,
  windowEnd: 540,
  duration: 30,
  competences: [],
  twoHelpers: false,
  staffId: null,
  secondStaffId: null,
  plannedStart: null,
  ...extra,
});

function world(extra: Partial<PlanningData> = {}): PlanningData {
  return {
    name: 'test',
    from: '2026-11-30',
    days: 2,
    today: '2026-11-27',
    nowMinute: 600,
    base: { lat: 59.91, lon: 10.75 },
    staff: [
      helper('kari', [{ code: 'legemiddelhandtering', validFrom: '2026-01-01', validUntil: '2026-11-30' }]),
      helper('ola'),
    ],
    recipients: [
      { id: 'p1', lat: 59.912, lon: 10.752, primaryContact: 'ola', history: { kari: 5, ola: 2, gone: 9 } },
      { id: 'p2', lat: 59.915, lon: 10.76, primaryContact: null, history: {} },
    ],
    visits: [
      visit('v1', 'p1', '2026-11-30', { competences: ['legemiddelhandtering'] }),
      visit('v2', 'p1', '2026-12-01', { competences: ['legemiddelhandtering'] }),
      visit('v3', 'p2', '2026-11-30', { twoHelpers: true, windowStart: 600, windowEnd: 660 }),
      visit('v4', 'p2', '2026-12-01', { staffId: 'ola', plannedStart: 500 }),
    ],
    locks: [],
    ...extra,
  };
}

describe('planning problem', () => {
  it('turns rotas, competences per date and preferences into a tillit-homecare/1 problem', () => {
    const { problem, kept } = buildProblem(world());
    expect(kept).toEqual([]);
    expect(problem.staff.map((s) => s.shifts)).toEqual([
      [
        { day: 0, start: 450, end: 900 },
        { day: 1, start: 450, end: 900 },
      ],
      [
        { day: 0, start: 450, end: 900 },
        { day: 1, start: 450, end: 900 },
      ],
    ]);
    // Kari's delegation ends on day 0: she holds the skill on day 0 only.
    expect(problem.staff[0].skills).toEqual([skillOn('legemiddelhandtering', 0)]);
    expect(problem.visits.find((v) => v.id === 'v2')?.skills).toEqual(['legemiddelhandtering@1']);
    expect(problem.visits.find((v) => v.id === 'v3')?.staff).toBe(2);
    // Preferred: primary contact first, then history; helpers who left the team are dropped.
    expect(problem.recipients[0]).toMatchObject({ preferred: ['ola', 'kari'], history: { kari: 5, ola: 2 } });
  });

  it('never plans a visit for a helper without the competence that day, and says why', () => {
    const { problem } = buildProblem(world());
    const { solution } = solve(problem, { iterations: 300, seed: 1 });
    expect(checkSolution(problem, solution).feasible).toBe(true);
    const a = assignmentsFrom(solution);
    expect(a.get('v1')?.staffId).toBe('kari');
    expect(a.get('v2')?.staffId).toBeNull();
    expect(unassignedReason(problem, 'v2', () => ['legemiddelhandtering'])).toEqual({
      code: 'no_competence',
      competence: 'legemiddelhandtering',
    });
    expect(a.get('v3')).toMatchObject({ staffId: expect.any(String), secondStaffId: expect.any(String) });
  });

  it('keeps a helper-day lock as it is and holds the other helper of a kept two-helper visit', () => {
    const data = world({
      visits: [
        visit('v3', 'p2', '2026-11-30', { twoHelpers: true, staffId: 'kari', secondStaffId: 'ola', plannedStart: 610 }),
      ],
      locks: [{ visitId: null, staffId: 'kari', date: '2026-11-30' }],
    });
    const { problem, kept } = buildProblem(data);
    expect(kept).toEqual(['v3']);
    expect(problem.staff[0].shifts.map((s) => s.day)).toEqual([1]);
    expect(problem.visits).toEqual([
      { id: 'hold:v3:ola', recipient: 'p2', day: 0, earliest: 610, latest: 610, duration: 30, pinned: 'ola' },
    ]);
  });

  it('pins a locked visit to the chosen helper; a sick day plans that date only, from the plan as it stands', () => {
    const locked = buildProblem(world({ locks: [{ visitId: 'v4', staffId: 'kari', date: null }] })).problem;
    expect(locked.visits.find((v) => v.id === 'v4')?.pinned).toBe('kari');
    const sick = world({ replanDates: ['2026-12-01'] });
    sick.staff[0].absences = [{ fromDate: '2026-12-01', toDate: '2026-12-01' }];
    sick.visits.push(visit('v5', 'p1', '2026-12-01', { staffId: 'kari' }));
    const { problem, kept } = buildProblem(sick);
    expect(kept.sort()).toEqual(['v1', 'v3']);
    expect(problem.staff[0].shifts).toEqual([]);
    expect(problem.visits.map((v) => v.id).sort()).toEqual(['v2', 'v4', 'v5']);
    expect(baselineFrom(sick, problem)).toMatchObject({
      routes: [
        { staff: 'kari', day: 1, stops: [{ visit: 'v5', start: 480 }] },
        { staff: 'ola', day: 1, stops: [{ visit: 'v4', start: 500 }] },
      ],
      unassigned: ['v2'],
    });
  });

  it("leaves today's visits whose window has passed as they are, and ignores pins to helpers not in the team", () => {
    const data = world({
      today: '2026-11-30',
      nowMinute: 600,
      locks: [
        { visitId: 'v3', staffId: 'gone', date: null },
        { visitId: 'v4', staffId: 'gone', date: null },
      ],
    });
    data.visits = [
      visit('v1', 'p1', '2026-11-30', { staffId: 'kari' }),
      visit('v3', 'p2', '2026-11-30', { windowStart: 600, windowEnd: 660 }),
      visit('v4', 'p2', '2026-12-01'),
    ];
    const { problem, kept } = buildProblem(data);
    expect(kept).toEqual(['v1']); // 08:00–09:00 today, now 10:00: not taken from Kari
    expect(problem.visits.map((v) => [v.id, v.pinned])).toEqual([
      ['v3', undefined],
      ['v4', undefined],
    ]);
  });

  it('keeps the helper of a visit under way busy until it should end', () => {
    const data = world({ today: '2026-11-30', nowMinute: 600 });
    data.visits = [
      visit('v1', 'p1', '2026-11-30', {
        staffId: 'ola',
        status: 'started',
        checkInMinute: 590,
        duration: 30,
        windowStart: 580,
        windowEnd: 610,
      }),
    ];
    const { problem, kept } = buildProblem(data);
    expect(kept).toEqual(['v1']);
    expect(problem.visits).toEqual([
      { id: 'hold:v1:ola', recipient: 'p1', day: 0, earliest: 600, latest: 600, duration: 20, pinned: 'ola' },
    ]);
  });

  it("starts today's shifts no earlier than now and plans no past day", () => {
    const { problem } = buildProblem(world({ today: '2026-12-01', nowMinute: 600 }));
    expect(problem.staff[1].shifts).toEqual([{ day: 1, start: 600, end: 900 }]);
  });
});

describe('split shifts and night shifts', () => {
  it('plans nothing in the break of a split shift: the helper is back at the base then', () => {
    // Kari works 07:00–11:00 and 15:00–20:00 on Monday 30 November; Ola is away that day.
    const data = world({ days: 1 });
    data.staff[0].rota = [weekdays('kari', 420, 660), { ...weekdays('kari', 900, 1200), kind: 'evening' }];
    data.staff[1].absences = [{ fromDate: '2026-11-30', toDate: '2026-11-30' }];
    data.visits = [
      visit('morning', 'p1', '2026-11-30', { windowStart: 600, windowEnd: 620 }),
      visit('noon', 'p1', '2026-11-30', { windowStart: 720, windowEnd: 750 }),
      visit('evening', 'p2', '2026-11-30', { windowStart: 960, windowEnd: 990 }),
    ];
    const { problem } = buildProblem(data);
    expect(problem.staff[0].shifts).toEqual([{ day: 0, start: 420, end: 1200 }]);
    expect(problem.visits.find((v) => v.id.startsWith('break:'))).toEqual({
      id: 'break:kari:0:0',
      recipient: 'break:kari',
      day: 0,
      earliest: 660,
      latest: 660,
      duration: 240,
      pinned: 'kari',
    });
    expect(problem.recipients.at(-1)).toEqual({ id: 'break:kari', location: 'base' });
    const { solution } = solve(problem, { iterations: 500, seed: 1 });
    expect(checkSolution(problem, solution).feasible).toBe(true);
    const a = assignmentsFrom(solution);
    expect(a.get('morning')?.staffId).toBe('kari');
    expect(a.get('evening')?.staffId).toBe('kari');
    // 12:00 is in Kari's break and nobody else works: left without a helper, and why.
    expect(a.get('noon')?.staffId).toBeNull();
    expect(unassignedReason(problem, 'noon', () => [])).toEqual({ code: 'no_shift' });
    // The break is no visit: it is neither published nor reported.
    expect([...a.keys()].sort()).toEqual(['evening', 'morning', 'noon']);
  });

  it('today, a split shift starts no earlier than now: after the first part only the second is left', () => {
    const data = world({ days: 1, today: '2026-11-30', nowMinute: 720 });
    data.staff[0].rota = [weekdays('kari', 420, 660), { ...weekdays('kari', 900, 1200), kind: 'evening' }];
    const { problem } = buildProblem(data);
    expect(problem.staff[0].shifts).toEqual([{ day: 0, start: 900, end: 1200 }]);
    expect(problem.visits.some((v) => v.id.startsWith('break:'))).toBe(false);
  });

  it('lets the night shift take the visits before and after midnight', () => {
    // Ola: Monday night 22:00–07:00, then the day shift from 07:30 on Tuesday. Kari is away.
    const data = world();
    data.staff[1].rota = [
      { ...weekdays('ola', 1320, 1440 + 420), kind: 'night', weekdays: [1] },
      { ...weekdays('ola'), weekdays: [2] },
    ];
    data.staff[0].absences = [{ fromDate: '2026-11-30', toDate: '2026-12-01' }];
    data.visits = [
      visit('late', 'p1', '2026-11-30', { windowStart: 1350, windowEnd: 1380, duration: 20 }),
      visit('early', 'p2', '2026-12-01', { windowStart: 300, windowEnd: 330, duration: 20 }),
      visit('day', 'p1', '2026-12-01', { windowStart: 480, windowEnd: 540 }),
    ];
    const { problem } = buildProblem(data);
    expect(problem.staff[1].shifts).toEqual([
      { day: 0, start: 1320, end: 1440 },
      { day: 1, start: 0, end: 900 },
    ]);
    // Between 07:00 and 07:30 Ola is off: a break at the base.
    expect(problem.visits.find((v) => v.id.startsWith('break:'))).toMatchObject({
      day: 1,
      earliest: 420,
      duration: 30,
      pinned: 'ola',
    });
    const { solution } = solve(problem, { iterations: 500, seed: 1 });
    expect(checkSolution(problem, solution).feasible).toBe(true);
    const a = assignmentsFrom(solution);
    expect(['late', 'early', 'day'].map((id) => a.get(id)?.staffId)).toEqual(['ola', 'ola', 'ola']);
  });
});

describe('plan figures', () => {
  const where = (id: string) => (id === 'p1' ? { lat: 59.92, lon: 10.75 } : { lat: 59.93, lon: 10.75 });
  const base = { lat: 59.91, lon: 10.75 };
  it('counts distinct helpers over the period, visits inside the window, travel and workload', () => {
    const f = planFigures(
      [
        {
          recipientId: 'p1',
          date: '2026-11-30',
          windowStart: 480,
          windowEnd: 540,
          duration: 30,
          helpers: ['a'],
          start: 480,
        },
        {
          recipientId: 'p1',
          date: '2026-12-01',
          windowStart: 480,
          windowEnd: 540,
          duration: 30,
          helpers: ['b'],
          start: 550,
        },
        {
          recipientId: 'p2',
          date: '2026-11-30',
          windowStart: 520,
          windowEnd: 560,
          duration: 20,
          helpers: ['a', 'b'],
          start: 530,
        },
        {
          recipientId: 'p2',
          date: '2026-12-01',
          windowStart: 520,
          windowEnd: 560,
          duration: 20,
          helpers: [],
          start: null,
        },
      ],
      where,
      base,
    );
    expect(f.visits).toBe(4);
    expect(f.unassigned).toBe(1);
    expect(f.distinctHelpers).toEqual({ mean: 2, median: 2, p90: 2 });
    expect(f.insideWindow).toBe(2);
    expect(f.insideWindowShare).toBeCloseTo(2 / 3, 4);
    // 1.11 km between each point: base→p1→p2→base for a, base→p2→base and base→p1→base for b.
    const leg = ((1.1119 * 1.4) / 25) * 60;
    expect(f.travelMinutes).toBeCloseTo(leg * (1 + 1 + 2) + leg * 2 * 2 + leg * 2, 0);
    expect(f.workload).toEqual([
      { staffId: 'a', visits: 2, minutes: 50 },
      { staffId: 'b', visits: 2, minutes: 50 },
    ]);
  });
  it('simulates untimed routes in window order', () => {
    const f = planFigures(
      [
        {
          recipientId: 'p1',
          date: '2026-11-30',
          windowStart: 480,
          windowEnd: 490,
          duration: 60,
          helpers: ['a'],
          start: null,
        },
        {
          recipientId: 'p2',
          date: '2026-11-30',
          windowStart: 500,
          windowEnd: 510,
          duration: 20,
          helpers: ['a'],
          start: null,
        },
      ],
      where,
      base,
    );
    expect(f.insideWindow).toBe(1); // the second starts after 540, late
  });
});
