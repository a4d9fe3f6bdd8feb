import { describe, expect, it } from 'vitest';
import {
  coc,
  continuity,
  countHelperVisits,
  countVisits,
  decisionsDelivered,
  flagToPlanHours,
  notCheckedIn,
  planFidelity,
  punctuality,
  unstaffedOrCancelled,
  type VisitRow,
  weeksOver,
} from './indicators.ts';

// A hand-made fortnight for two people. Answers are worked out by hand in the comments.
const v = (
  recipientId: string,
  status: VisitRow['status'],
  checkInMinute: number | null,
  staffIds: string[],
): VisitRow => ({
  recipientId,
  windowStart: 480,
  windowEnd: 510,
  status,
  checkInMinute,
  staffIds,
});
const visits: VisitRow[] = [
  v('anna', 'done', 485, ['s1']), // inside
  v('anna', 'done', 510, ['s1']), // inside (the window's last minute counts)
  v('anna', 'done', 530, ['s2']), // late
  v('anna', 'done', 470, ['s1']), // early
  v('bjorn', 'done', 495, ['s3', 's4']), // inside, two helpers
  v('bjorn', 'done', 500, ['s3']), // inside
  v('bjorn', 'cancelled', null, ['s3']),
  v('bjorn', 'planned', null, []), // unstaffed
];

describe('counting the visits (what the repository does in SQL)', () => {
  it('counts 8 visits: 2 cancelled or unstaffed, 6 started, 4 inside, 6 done (all checked in)', () => {
    expect(countVisits(visits)).toEqual({
      total: 8,
      cancelledOrUnstaffed: 2,
      started: 6,
      inside: 4,
      done: 6,
      notCheckedIn: 0,
    });
  });
  it('counts done visits per person and helper, a two-helper visit once for each', () => {
    const byKey = Object.fromEntries(countHelperVisits(visits).map((h) => [`${h.recipientId}/${h.staffId}`, h.visits]));
    expect(byKey).toEqual({ 'anna/s1': 3, 'anna/s2': 1, 'bjorn/s3': 2, 'bjorn/s4': 1 });
  });
});

describe('ability', () => {
  it('punctuality: 4 of 6 started visits inside the window', () => {
    expect(punctuality(countVisits(visits))).toEqual({ value: 4 / 6, numerator: 4, denominator: 6 });
  });
  it('two routine visits documented in two taps, nobody checked in: no punctuality (0 of 0), 2 of 2 not checked in', () => {
    const routine = [v('anna', 'done', null, ['s1']), v('bjorn', 'done', null, ['s3'])];
    const c = countVisits(routine);
    expect(punctuality(c)).toEqual({ value: null, numerator: 0, denominator: 0 });
    expect(notCheckedIn(c)).toEqual({ value: 1, numerator: 2, denominator: 2 });
    // Mixed with the fortnight above: punctuality is still 4 of 6; 2 of the 8 done visits had no check-in.
    const all = countVisits([...visits, ...routine]);
    expect(punctuality(all)).toEqual({ value: 4 / 6, numerator: 4, denominator: 6 });
    expect(notCheckedIn(all)).toEqual({ value: 2 / 8, numerator: 2, denominator: 8 });
  });
  it('unstaffed or cancelled: 2 of 8', () => {
    expect(unstaffedOrCancelled(countVisits(visits))).toEqual({ value: 0.25, numerator: 2, denominator: 8 });
  });
  it('flag to plan: median of 2 h and 10 h is 6 h; one flag never followed up', () => {
    const t = (h: number) => new Date(Date.UTC(2026, 10, 2, h));
    expect(
      flagToPlanHours([
        { recipientId: 'anna', createdAt: t(8), planUpdatedAt: t(10) },
        { recipientId: 'bjorn', createdAt: t(8), planUpdatedAt: t(18) },
        { recipientId: 'bjorn', createdAt: t(9), planUpdatedAt: null },
      ]),
    ).toEqual({ value: 6, updated: 2, notUpdated: 1 });
  });
});

describe('integrity', () => {
  it('plan fidelity: done and changed-with-the-person count, undocumented do not: 3 of 4', () => {
    expect(
      planFidelity([
        { outcome: 'done' },
        { outcome: 'changed' },
        { outcome: 'not_done' },
        { outcome: 'done' },
        { outcome: null },
      ]),
    ).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
  });
  it('plan fidelity accepts grouped rows', () => {
    expect(
      planFidelity([
        { outcome: 'done', count: 2 },
        { outcome: 'changed' },
        { outcome: 'not_done' },
        { outcome: null, count: 4 },
      ]),
    ).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
  });
  it('decisions delivered over 2 weeks: anna 3 h decided, 340 min = 170 a week (≥ 162) → met; bjorn 2 h, 60 a week → not met', () => {
    expect(
      decisionsDelivered(
        [
          { recipientId: 'anna', hoursPerWeek: 3 },
          { recipientId: 'bjorn', hoursPerWeek: 2 },
        ],
        new Map([
          ['anna', 340],
          ['bjorn', 120],
        ]),
        2,
      ),
    ).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });
  it('decisions delivered: no day of the period over yet → no figure, not 0 %', () => {
    expect(decisionsDelivered([{ recipientId: 'anna', hoursPerWeek: 3 }], new Map(), 0)).toEqual({
      value: null,
      numerator: 0,
      denominator: 0,
    });
  });
  it('weeks over: only the days up to yesterday count (today’s visits are not yet help that failed)', () => {
    expect(weeksOver('2026-11-02', '2026-11-08', '2026-11-20')).toEqual({ lastDay: '2026-11-08', weeks: 1 });
    expect(weeksOver('2026-11-16', '2026-11-29', '2026-11-20')).toEqual({ lastDay: '2026-11-19', weeks: 4 / 7 });
    expect(weeksOver('2026-11-20', '2026-11-26', '2026-11-20')).toEqual({ lastDay: null, weeks: 0 });
  });
  it('COC: one helper for all = 1; 3+1 visits = (9+1-4)/(4·3) = 0.5; single visit undefined', () => {
    expect(coc([5])).toBe(1);
    expect(coc([3, 1])).toBe(0.5);
    expect(coc([1])).toBeNull();
  });
  it('continuity: anna 2 helpers (s1×3, s2×1; COC 0.5), bjorn 2 helpers (s3×2, s4×1; COC (4+1-3)/6 = 1/3)', () => {
    const r = continuity(
      countHelperVisits(visits),
      new Map([
        ['anna', 's1'],
        ['bjorn', 's4'],
      ]),
    );
    expect(r.people).toBe(2);
    expect(r.distinctMean).toBe(2);
    expect(r.distinctMedian).toBe(2);
    expect(r.distinctP90).toBe(2);
    expect(r.cocMean).toBeCloseTo((0.5 + 1 / 3) / 2, 10);
    // Helper-visits: anna 4 (3 by s1), bjorn 3 (1 by s4): 4 of 7.
    expect(r.primaryContactShare).toBeCloseTo(4 / 7, 10);
  });
  it('continuity from grouped rows: split rows for one helper add up; nobody served gives nulls', () => {
    const r = continuity(
      [
        { recipientId: 'anna', staffId: 's1', visits: 2 },
        { recipientId: 'anna', staffId: 's1', visits: 1 },
        { recipientId: 'anna', staffId: 's2', visits: 1 },
      ],
      new Map([['anna', 's2']]),
    );
    expect(r).toMatchObject({ people: 1, distinctMedian: 2, cocMean: 0.5, primaryContactShare: 0.25 });
    expect(continuity([], new Map())).toEqual({
      people: 0,
      distinctMean: null,
      distinctMedian: null,
      distinctP90: null,
      cocMean: null,
      primaryContactShare: null,
      helperVisits: 0,
    });
  });
});
