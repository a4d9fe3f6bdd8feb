/**
 * Trust indicators from daily data (DESIGN.md, "Measuring trust"). Pure functions over plain
 * rows so that each definition is tested on a small hand-made data set. The repository hands
 * them rows already counted in SQL (`VisitCounts`, `HelperVisits`, outcome counts), so a
 * year of visits never travels to JavaScript; `countVisits` and `countHelperVisits` state the
 * same counting over single visits. Always per team and period; a helper's id is only a key
 * for counting distinct faces, never reported (principle 5).
 */

import { levelBands } from '@tillit/contracts';
import { levelBand } from '../assessment/index.ts';

export interface VisitRow {
  recipientId: string;
  windowStart: number;
  windowEnd: number;
  status: 'planned' | 'started' | 'done' | 'cancelled';
  /** Minutes after midnight of the check-in, local time; null if never checked in. */
  checkInMinute: number | null;
  staffIds: string[];
}
export interface OutcomeRow {
  outcome: 'done' | 'not_done' | 'changed' | null;
  /** How many measures had this outcome (rows may come grouped); 1 when absent. */
  count?: number;
}
export interface FlagRow {
  recipientId: string;
  createdAt: Date;
  /** The first plan change (measure version or shared decision) for the person after the flag. */
  planUpdatedAt: Date | null;
}
export interface DecisionRow {
  recipientId: string;
  hoursPerWeek: number;
}

const share = (n: number, d: number) => (d === 0 ? null : n / d);
export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * What the ability indicators need from a period's visits, counted. The repository counts
 * these in SQL (one row per team and period); `countVisits` is the same definition over
 * plain rows, kept for the tests and as the readable statement of what is counted.
 */
export interface VisitCounts {
  /** Every visit in the period. */
  total: number;
  /** Cancelled, or nobody assigned. */
  cancelledOrUnstaffed: number;
  /** Checked in and not cancelled. */
  started: number;
  /** Started with the check-in minute inside the agreed window (both ends count). */
  inside: number;
  /** Documented as done. */
  done: number;
  /**
   * Documented as done without anyone checking in (the two-tap «Alt utført som planlagt»):
   * when the visit started is not known, so it is counted here and not in punctuality.
   */
  notCheckedIn: number;
}

export function countVisits(visits: VisitRow[]): VisitCounts {
  const started = visits.filter((v) => v.checkInMinute !== null && v.status !== 'cancelled');
  const done = visits.filter((v) => v.status === 'done');
  return {
    total: visits.length,
    cancelledOrUnstaffed: visits.filter((v) => v.status === 'cancelled' || v.staffIds.length === 0).length,
    started: started.length,
    inside: started.filter((v) => v.checkInMinute! >= v.windowStart && v.checkInMinute! <= v.windowEnd).length,
    done: done.length,
    notCheckedIn: done.filter((v) => v.checkInMinute === null).length,
  };
}

/**
 * Ability: share of visits with a check-in that started inside the agreed window. Visits
 * documented without a check-in are not in it (their start is unknown): see notCheckedIn.
 */
export function punctuality(c: VisitCounts) {
  return { value: share(c.inside, c.started), numerator: c.inside, denominator: c.started };
}

/** Share of the visits documented as done that nobody checked in: what punctuality cannot see. */
export function notCheckedIn(c: VisitCounts) {
  return { value: share(c.notCheckedIn, c.done), numerator: c.notCheckedIn, denominator: c.done };
}

/** Ability: share of visits in the period that were cancelled or had nobody assigned. */
export function unstaffedOrCancelled(c: VisitCounts) {
  return { value: share(c.cancelledOrUnstaffed, c.total), numerator: c.cancelledOrUnstaffed, denominator: c.total };
}

/** Ability: median hours from a change-in-condition flag to an updated plan; flags never followed by a change count apart. */
export function flagToPlanHours(flags: FlagRow[]) {
  const hours = flags
    .filter((f) => f.planUpdatedAt)
    .map((f) => (f.planUpdatedAt!.getTime() - f.createdAt.getTime()) / 3_600_000);
  return { value: median(hours), updated: hours.length, notUpdated: flags.length - hours.length };
}

/** Integrity: share of planned measures done as agreed or changed together with the person. */
export function planFidelity(outcomes: OutcomeRow[]) {
  const n = (rows: OutcomeRow[]) => rows.reduce((sum, o) => sum + (o.count ?? 1), 0);
  const documented = outcomes.filter((o) => o.outcome !== null);
  const kept = n(documented.filter((o) => o.outcome === 'done' || o.outcome === 'changed'));
  return { value: share(kept, n(documented)), numerator: kept, denominator: n(documented) };
}

/**
 * The days of the period that are over (up to yesterday in Oslo), as weeks. Help delivered is
 * judged over these only: today's visits not yet made, and the days still to come, are not help
 * that failed to arrive. `to` and `today` are Oslo dates (YYYY-MM-DD).
 */
export function weeksOver(from: string, to: string, today: string): { lastDay: string | null; weeks: number } {
  const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
  const lastDay = to < yesterday ? to : yesterday;
  if (lastDay < from) return { lastDay: null, weeks: 0 };
  return { lastDay, weeks: (Date.parse(lastDay) - Date.parse(from) + 86_400_000) / (7 * 86_400_000) };
}

/**
 * Integrity: decisions delivered as decided — for each person with a decision in force, the
 * hours of help delivered per week (done visits' windows are not durations, so the caller
 * passes delivered minutes over the days that are over, see `weeksOver`) against the hours
 * decided; the share of people at ≥ 90 %. No day over yet: no figure rather than 0 %.
 */
export function decisionsDelivered(decisions: DecisionRow[], deliveredMinutes: Map<string, number>, weeks: number) {
  const withHours = weeks > 0 ? decisions.filter((d) => d.hoursPerWeek > 0) : [];
  const met = withHours.filter((d) => (deliveredMinutes.get(d.recipientId) ?? 0) / weeks >= 0.9 * d.hoursPerWeek * 60);
  return { value: share(met.length, withHours.length), numerator: met.length, denominator: withHours.length };
}

/** Bice–Boxerman continuity of care: (Σ nⱼ² − N) / (N(N − 1)); 1 = one helper did every visit. */
export function coc(countsPerHelper: number[]): number | null {
  const n = countsPerHelper.reduce((a, b) => a + b, 0);
  if (n < 2) return null;
  const sq = countsPerHelper.reduce((a, b) => a + b * b, 0);
  return (sq - n) / (n * (n - 1));
}

/** Done visits by one helper for one person in the period (a two-helper visit counts for each). */
export interface HelperVisits {
  recipientId: string;
  staffId: string;
  visits: number;
}

/** The helper-visit counts of a period's visits: the same grouping the repository does in SQL. */
export function countHelperVisits(visits: VisitRow[]): HelperVisits[] {
  const counts = new Map<string, HelperVisits>();
  for (const v of visits) {
    if (v.status !== 'done') continue;
    for (const staffId of v.staffIds) {
      const key = `${v.recipientId} ${staffId}`;
      const row = counts.get(key) ?? { recipientId: v.recipientId, staffId, visits: 0 };
      row.visits += 1;
      counts.set(key, row);
    }
  }
  return [...counts.values()];
}

/**
 * Integrity: continuity per person over the period, from done visits' helper counts:
 * distinct helpers (mean, median, 90th percentile), mean COC over people with ≥ 2
 * helper-visits, and the share of helper-visits by the primary contact.
 */
export function continuity(helperVisits: HelperVisits[], primaryContact: Map<string, string | null>) {
  const per = new Map<string, Map<string, number>>();
  for (const h of helperVisits) {
    if (h.visits <= 0) continue;
    const m = per.get(h.recipientId) ?? new Map<string, number>();
    m.set(h.staffId, (m.get(h.staffId) ?? 0) + h.visits);
    per.set(h.recipientId, m);
  }
  const distinct = [...per.values()].map((m) => m.size);
  const cocs = [...per.values()].map((m) => coc([...m.values()])).filter((x): x is number => x !== null);
  let byPrimary = 0;
  let total = 0;
  for (const [recipientId, m] of per) {
    const pc = primaryContact.get(recipientId);
    for (const [s, n] of m) {
      total += n;
      if (pc && s === pc) byPrimary += n;
    }
  }
  const sorted = [...distinct].sort((a, b) => a - b);
  return {
    people: distinct.length,
    distinctMean: distinct.length ? distinct.reduce((a, b) => a + b, 0) / distinct.length : null,
    distinctMedian: median(distinct),
    distinctP90: sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)] : null,
    cocMean: cocs.length ? cocs.reduce((a, b) => a + b, 0) / cocs.length : null,
    primaryContactShare: share(byPrimary, total),
    /** Helper-visits counted (the basis of the primary-contact share). */
    helperVisits: total,
  };
}

// ── Integrity: equal treatment ─────────────────────────────────────────────────────────────
// Decided hours per week against the functional assessment, team beside team, for the dialogue
// between teams and leaders. People are counted per level band (assessment/assessment.level.ts),
// never per employee; a band with fewer than five people in a team shows nothing.

/** One person with a decision in force: the team serving them, items scored 3–5 (null: not assessed), hours decided. */
export interface EqualTreatmentRow {
  teamId: string;
  needItems: number | null;
  hoursPerWeek: number;
}

export const EQUAL_TREATMENT_MIN = 5;
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/**
 * Per team and band: people, mean and median decided hours per week. A band under five people
 * is hidden whole (people too). No total per team is given, so no hidden band can be got by
 * subtraction within this figure.
 */
export function equalTreatment(teams: { id: string; name: string }[], rows: EqualTreatmentRow[]) {
  return teams.map((t) => ({
    teamId: t.id,
    teamName: t.name,
    bands: levelBands.map((band) => {
      const hours = rows
        .filter((r) => r.teamId === t.id && (r.needItems === null ? 'unassessed' : levelBand(r.needItems)) === band)
        .map((r) => r.hoursPerWeek);
      if (hours.length < EQUAL_TREATMENT_MIN) return { band, people: null, meanHours: null, medianHours: null };
      return {
        band,
        people: hours.length,
        meanHours: round1(hours.reduce((a, b) => a + b, 0) / hours.length),
        medianHours: round1(median(hours)),
      };
    }),
  }));
}
