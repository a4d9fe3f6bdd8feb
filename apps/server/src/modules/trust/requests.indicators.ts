/**
 * Ability: how long people wait (#22 item 6; the seed article names processing time and equal
 * treatment as what makes people trust a service). Two waits, per receiving team and period, in
 * Oslo calendar days:
 *
 * - **request → decision**: from the day a service request arrived to the day the decision that
 *   answers it took effect (the day it was made within the team's frame, or co-signed beyond it).
 *   A decision still waiting for its co-signature is not yet a decision.
 * - **decision → first visit**: from the day the service was to start (the decision's day, or its
 *   `valid_from` when that is later — a decision made before a discharge starts on the day home)
 *   to the first visit documented as done for the person on or after it. Each decision once, even
 *   when two requests are answered by it.
 *
 * A wait counts in the period its end falls in (the median is over those). One that has not ended
 * by the period's last day (or today) is «still waiting»: it says nothing yet, unless it has already
 * waited longer than the norm — then it is outside the norm whatever happens, and counts in the
 * share as such (leaving it out would make slow handling look good). Under MIN_GROUP in the basis
 * the group is too small to say anything: no median, no share, `tooFew`.
 *
 * Norms (documented in docs/ARCHITECTURE.md «Service requests»): a decision within 21 days
 * (forvaltningsloven § 11 a asks for an answer without undue delay and a provisional answer when it
 * takes longer than a month; three weeks leaves that month with room), the first visit within 7
 * days of the start (home care is needed soon, and a week is the planning horizon of a team's rota).
 */
import { daysBetween } from '@tillit/contracts';
import { median } from './indicators.ts';

export const REQUEST_TO_DECISION_NORM_DAYS = 21;
export const DECISION_TO_VISIT_NORM_DAYS = 7;
/** Fewer waits than this in the basis: too few to say anything about the team. */
export const MIN_GROUP = 5;

/** One service request as the repository reads it: Oslo dates, null where nothing happened yet. */
export interface RequestWaitRow {
  arrivedOn: string;
  decisionId: string | null;
  /** The day the linked decision took effect; null when none is linked or it waits for co-signature. */
  decidedOn: string | null;
  /** The day the decided service was to start: the later of decidedOn and the decision's valid_from. */
  startOn: string | null;
  /** The first visit documented as done for the person on or after startOn. */
  firstVisitOn: string | null;
}

/** A wait: ended on `endOn` after `days`, or still going (endOn null) since `startOn`. */
interface Wait {
  startOn: string;
  endOn: string | null;
}

/** The median and the share within the norm of the waits that ended in [from, end], and those still waiting at `end`. */
export function waitingTime(waits: Wait[], from: string, end: string, normDays: number) {
  const ended: number[] = [];
  let waiting = 0;
  let waitingOverNorm = 0;
  for (const w of waits) {
    if (w.startOn > end) continue;
    if (w.endOn !== null && w.endOn <= end) {
      if (w.endOn >= from) ended.push(daysBetween(w.startOn, w.endOn));
      continue;
    }
    waiting += 1;
    if (daysBetween(w.startOn, end) > normDays) waitingOverNorm += 1;
  }
  const within = ended.filter((d) => d <= normDays).length;
  const basis = ended.length + waitingOverNorm;
  const tooFew = basis < MIN_GROUP;
  return {
    medianDays: ended.length < MIN_GROUP ? null : median(ended),
    withinNorm: tooFew ? null : within / basis,
    normDays,
    counted: ended.length,
    within,
    waiting,
    waitingOverNorm,
    tooFew,
  };
}

/** Request → decision in force, over the team's requests. */
export function requestToDecision(rows: RequestWaitRow[], from: string, end: string) {
  return waitingTime(
    rows.map((r) => ({ startOn: r.arrivedOn, endOn: r.decidedOn })),
    from,
    end,
    REQUEST_TO_DECISION_NORM_DAYS,
  );
}

/** Decision → first visit, over the decisions (each once) answering the team's requests. */
export function decisionToFirstVisit(rows: RequestWaitRow[], from: string, end: string) {
  const decisions = new Map<string, Wait>();
  for (const r of rows)
    if (r.decisionId && r.startOn) decisions.set(r.decisionId, { startOn: r.startOn, endOn: r.firstVisitOn });
  return waitingTime([...decisions.values()], from, end, DECISION_TO_VISIT_NORM_DAYS);
}
