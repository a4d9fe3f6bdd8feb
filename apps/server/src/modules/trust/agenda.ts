/**
 * What changed between two periods, for a team's dialogue meeting. A change is flagged as
 * notable by plain rules a team can check by hand (NOTABLE below): a big enough step, on
 * enough visits or people that it is unlikely to be chance. The agenda lists worse changes
 * first («what has changed for you, what do you need?»), then better ones («what did you
 * do that works?»).
 */
import type { IndicatorChange as Change, IndicatorId } from '@tillit/contracts';
import type { TeamIndicators } from './indicators.repository.ts';

interface Rule {
  /** Higher values are better. */
  higherIsBetter: boolean;
  /** The smallest step that is flagged, in the indicator's own unit (shares as 0–1). */
  step: number;
  /** The smallest basis (visits, measures, flags, people) in each period for a flag. */
  minBasis: number;
}

export const NOTABLE: Record<IndicatorId, Rule> = {
  punctuality: { higherIsBetter: true, step: 0.05, minBasis: 20 },
  // More visits without a check-in: punctuality rests on fewer visits and tells less.
  notCheckedIn: { higherIsBetter: false, step: 0.1, minBasis: 20 },
  unstaffedOrCancelled: { higherIsBetter: false, step: 0.05, minBasis: 20 },
  flagToPlanHours: { higherIsBetter: false, step: 24, minBasis: 3 },
  // Waiting for a decision or the first visit (median days; requests.indicators.ts): a week longer or shorter.
  requestToDecisionDays: { higherIsBetter: false, step: 7, minBasis: 5 },
  decisionToVisitDays: { higherIsBetter: false, step: 3, minBasis: 5 },
  planFidelity: { higherIsBetter: true, step: 0.05, minBasis: 20 },
  decisionsDelivered: { higherIsBetter: true, step: 0.1, minBasis: 5 },
  distinctMedian: { higherIsBetter: false, step: 1, minBasis: 5 },
  cocMean: { higherIsBetter: true, step: 0.05, minBasis: 5 },
  primaryContactShare: { higherIsBetter: true, step: 0.05, minBasis: 20 },
};

/** Each indicator's value and the basis it rests on. */
export function figures(i: TeamIndicators): Record<IndicatorId, { value: number | null; basis: number }> {
  const c = i.integrity.continuity;
  return {
    punctuality: { value: i.ability.punctuality.value, basis: i.ability.punctuality.denominator },
    notCheckedIn: { value: i.ability.notCheckedIn.value, basis: i.ability.notCheckedIn.denominator },
    unstaffedOrCancelled: {
      value: i.ability.unstaffedOrCancelled.value,
      basis: i.ability.unstaffedOrCancelled.denominator,
    },
    flagToPlanHours: { value: i.ability.flagToPlanHours.value, basis: i.ability.flagToPlanHours.updated },
    requestToDecisionDays: {
      value: i.ability.requestToDecision.medianDays,
      basis: i.ability.requestToDecision.counted,
    },
    decisionToVisitDays: {
      value: i.ability.decisionToFirstVisit.medianDays,
      basis: i.ability.decisionToFirstVisit.counted,
    },
    planFidelity: { value: i.integrity.planFidelity.value, basis: i.integrity.planFidelity.denominator },
    decisionsDelivered: {
      value: i.integrity.decisionsDelivered.value,
      basis: i.integrity.decisionsDelivered.denominator,
    },
    distinctMedian: { value: c.distinctMedian, basis: c.people },
    cocMean: { value: c.cocMean, basis: c.people },
    primaryContactShare: { value: c.primaryContactShare, basis: c.helperVisits },
  };
}

/** Compares two periods' figures indicator by indicator. */
export function compare(current: TeamIndicators, previous: TeamIndicators): Change[] {
  const now = figures(current);
  const before = figures(previous);
  return (Object.keys(NOTABLE) as IndicatorId[]).map((indicator) => {
    const rule = NOTABLE[indicator];
    const a = now[indicator];
    const b = before[indicator];
    if (a.value === null || b.value === null)
      return { indicator, current: a.value, previous: b.value, change: null, direction: 'unknown', notable: false };
    const change = a.value - b.value;
    // A rounding guard so that 0.80 − 0.75 counts as the 5-point step it is.
    const big = Math.abs(change) >= rule.step - 1e-9;
    const direction = Math.abs(change) < 1e-9 ? 'same' : change > 0 === rule.higherIsBetter ? 'better' : 'worse';
    return {
      indicator,
      current: a.value,
      previous: b.value,
      change,
      direction,
      notable: big && direction !== 'same' && a.basis >= rule.minBasis && b.basis >= rule.minBasis,
    };
  });
}

/** The notable changes, worse first, then better; the biggest relative step first within each. */
export function agenda(changes: Change[]): Change[] {
  const size = (c: Change) => Math.abs(c.change ?? 0) / NOTABLE[c.indicator].step;
  return changes
    .filter((c) => c.notable)
    .sort((x, y) => (x.direction === y.direction ? size(y) - size(x) : x.direction === 'worse' ? -1 : 1));
}
