import { describe, expect, it } from 'vitest';
import { agenda, compare } from './agenda.ts';
import type { TeamIndicators } from './indicators.repository.ts';

const ratio = (numerator: number, denominator: number) => ({
  value: denominator ? numerator / denominator : null,
  numerator,
  denominator,
});
/** The same waits in both periods: 10 requests, median 5 days, all within the norm. */
const waits = (normDays: number) => ({
  medianDays: 5,
  withinNorm: 1,
  normDays,
  counted: 10,
  within: 10,
  waiting: 0,
  waitingOverNorm: 0,
  tooFew: false,
});

/** A team's figures with the given punctuality, fidelity, distinct helpers and COC; everything else equal between periods. */
function period(p: {
  inside: number;
  started: number;
  kept: number;
  documented: number;
  distinct: number;
  coc: number;
  people: number;
}): TeamIndicators {
  return {
    team: { id: 't', name: 'Team' },
    period: { from: '2026-10-01', to: '2026-10-28' },
    ability: {
      punctuality: ratio(p.inside, p.started),
      notCheckedIn: ratio(10, 100),
      unstaffedOrCancelled: ratio(2, 100),
      flagToPlanHours: { value: 20, updated: 4, notUpdated: 0 },
      requestToDecision: waits(21),
      decisionToFirstVisit: waits(7),
    },
    integrity: {
      planFidelity: ratio(p.kept, p.documented),
      decisionsDelivered: ratio(8, 10),
      continuity: {
        people: p.people,
        distinctMean: p.distinct,
        distinctMedian: p.distinct,
        distinctP90: p.distinct,
        cocMean: p.coc,
        primaryContactShare: 0.5,
        helperVisits: 200,
      },
    },
  };
}

describe('what changed since the previous period', () => {
  const before = period({ inside: 75, started: 100, kept: 90, documented: 100, distinct: 4, coc: 0.5, people: 10 });

  it('flags steps of at least the rule (5 points, 1 helper, 0.05 COC) as better or worse', () => {
    const now = period({ inside: 80, started: 100, kept: 86, documented: 100, distinct: 6, coc: 0.52, people: 10 });
    const byId = Object.fromEntries(compare(now, before).map((c) => [c.indicator, c]));
    // 75 % → 80 %: up 5 points, better, notable.
    expect(byId.punctuality).toMatchObject({ direction: 'better', notable: true });
    expect(byId.punctuality.change).toBeCloseTo(0.05, 10);
    // 90 % → 86 %: down 4 points: worse, but under the 5-point rule.
    expect(byId.planFidelity).toMatchObject({ direction: 'worse', notable: false });
    // 4 → 6 distinct helpers: more faces is worse, notable.
    expect(byId.distinctMedian).toMatchObject({ change: 2, direction: 'worse', notable: true });
    // COC 0.50 → 0.52: better, but under 0.05.
    expect(byId.cocMean).toMatchObject({ direction: 'better', notable: false });
    expect(byId.decisionsDelivered).toMatchObject({ change: 0, direction: 'same', notable: false });
    // The agenda: worse first, then better.
    expect(agenda(compare(now, before)).map((c) => [c.indicator, c.direction])).toEqual([
      ['distinctMedian', 'worse'],
      ['punctuality', 'better'],
    ]);
  });

  it('does not flag a big step resting on too few visits or people', () => {
    const small = period({ inside: 9, started: 10, kept: 5, documented: 10, distinct: 1, coc: 1, people: 3 });
    const smallBefore = period({ inside: 5, started: 10, kept: 9, documented: 10, distinct: 3, coc: 0.3, people: 3 });
    expect(agenda(compare(small, smallBefore))).toEqual([]);
  });

  it('says unknown when a period has no figure', () => {
    const empty = period({ inside: 0, started: 0, kept: 0, documented: 0, distinct: 4, coc: 0.5, people: 10 });
    const c = compare(empty, before).find((x) => x.indicator === 'punctuality')!;
    expect(c).toEqual({
      indicator: 'punctuality',
      current: null,
      previous: 0.75,
      change: null,
      direction: 'unknown',
      notable: false,
    });
  });
});
