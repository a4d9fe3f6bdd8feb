import { describe, expect, it } from 'vitest';
import { whyNotOffered } from './candidates.ts';
import type { PlanningStaff } from './planning.problem.ts';

const rota = [
  {
    staffId: 'k',
    kind: 'day' as const,
    weekdays: [1, 2, 3, 4, 5],
    everyWeeks: 1,
    weekOffset: 0,
    startMinute: 450,
    endMinute: 900,
    validFrom: '2026-01-01',
    validUntil: null,
  },
];
const kari = (extra: Partial<PlanningStaff> = {}): PlanningStaff => ({
  id: 'k',
  name: 'Kari',
  competences: [],
  rota,
  absences: [],
  ...extra,
});
const visit = {
  date: '2026-11-30',
  windowStart: 480,
  windowEnd: 510,
  duration: 15,
  competences: ['legemiddelhandtering'],
};

describe('why a helper is not offered a visit', () => {
  it('offers a helper at work who holds the competence that day', () => {
    expect(
      whyNotOffered(
        kari({ competences: [{ code: 'legemiddelhandtering', validFrom: '2025-01-01', validUntil: null }] }),
        visit,
      ),
    ).toEqual([]);
  });
  it('names a missing competence, an expired delegation and one not yet valid', () => {
    expect(whyNotOffered(kari(), visit)).toEqual([
      { code: 'missing_competence', competence: 'legemiddelhandtering', expiredOn: null, validFrom: null },
    ]);
    expect(
      whyNotOffered(
        kari({ competences: [{ code: 'legemiddelhandtering', validFrom: '2025-01-01', validUntil: '2026-11-20' }] }),
        visit,
      ),
    ).toEqual([
      { code: 'missing_competence', competence: 'legemiddelhandtering', expiredOn: '2026-11-20', validFrom: null },
    ]);
    expect(
      whyNotOffered(
        kari({ competences: [{ code: 'legemiddelhandtering', validFrom: '2026-12-01', validUntil: null }] }),
        visit,
      )[0],
    ).toMatchObject({ validFrom: '2026-12-01' });
  });
  it('tells absence from a day off and from a shift that misses the window', () => {
    const ok = { ...visit, competences: [] };
    expect(whyNotOffered(kari({ absences: [{ fromDate: '2026-11-30', toDate: '2026-12-02' }] }), ok)).toEqual([
      { code: 'absent' },
    ]);
    expect(whyNotOffered(kari(), { ...ok, date: '2026-11-29' })).toEqual([{ code: 'no_shift' }]);
    expect(whyNotOffered(kari(), { ...ok, windowStart: 1260, windowEnd: 1290 })).toEqual([
      { code: 'shift_outside_window', shifts: [{ start: 450, end: 900 }] },
    ]);
  });
  it('does not offer a visit in the break of a split shift, and offers one in either part', () => {
    // 07:00–11:00 and 15:00–20:00: a 12:00 visit falls in the break.
    const split = [
      { ...rota[0], startMinute: 420, endMinute: 660 },
      { ...rota[0], kind: 'evening' as const, startMinute: 900, endMinute: 1200 },
    ];
    const ok = { ...visit, competences: [] };
    expect(whyNotOffered(kari({ rota: split }), { ...ok, windowStart: 720, windowEnd: 750 })).toEqual([
      {
        code: 'shift_outside_window',
        shifts: [
          { start: 420, end: 660 },
          { start: 900, end: 1200 },
        ],
      },
    ]);
    expect(whyNotOffered(kari({ rota: split }), { ...ok, windowStart: 600, windowEnd: 630 })).toEqual([]);
    expect(whyNotOffered(kari({ rota: split }), { ...ok, windowStart: 960, windowEnd: 990 })).toEqual([]);
  });
  it('offers the morning visit to the helper on Monday night’s shift, until 07:00', () => {
    const night = [{ ...rota[0], kind: 'night' as const, weekdays: [1], startMinute: 1320, endMinute: 1440 + 420 }];
    const ok = { ...visit, competences: [], date: '2026-12-01' }; // Tuesday
    expect(whyNotOffered(kari({ rota: night }), { ...ok, windowStart: 360, windowEnd: 390 })).toEqual([]);
    expect(whyNotOffered(kari({ rota: night }), { ...ok, windowStart: 480, windowEnd: 510 })).toEqual([
      { code: 'shift_outside_window', shifts: [{ start: 0, end: 420 }] },
    ]);
  });
});
