/**
 * Trust indicators from daily data (DESIGN.md, "Measuring trust"). Pure functions over plain
 * rows so that each definition is tested on a small hand-made data set. Always per team and
 * period; never per employee (principle 5).
 */

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

/** Ability: share of performed visits that started inside the agreed window. */
export function punctuality(visits: VisitRow[]) {
  const started = visits.filter((v) => v.checkInMinute !== null && v.status !== 'cancelled');
  const inside = started.filter((v) => v.checkInMinute! >= v.windowStart && v.checkInMinute! <= v.windowEnd);
  return { value: share(inside.length, started.length), numerator: inside.length, denominator: started.length };
}

/** Ability: share of visits in the period that were cancelled or had nobody assigned. */
export function unstaffedOrCancelled(visits: VisitRow[]) {
  const bad = visits.filter((v) => v.status === 'cancelled' || v.staffIds.length === 0);
  return { value: share(bad.length, visits.length), numerator: bad.length, denominator: visits.length };
}

/** Ability: median hours from a change-in-condition flag to an updated plan; flags never followed by a change count apart. */
export function flagToPlanHours(flags: FlagRow[]) {
  const hours = flags.filter((f) => f.planUpdatedAt).map((f) => (f.planUpdatedAt!.getTime() - f.createdAt.getTime()) / 3_600_000);
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
 * Integrity: decisions delivered as decided — for each person with a decision in force, the
 * hours of help delivered per week (done visits' windows are not durations, so the caller
 * passes delivered minutes) against the hours decided; the share of people at ≥ 90 %.
 */
export function decisionsDelivered(decisions: DecisionRow[], deliveredMinutesPerWeek: Map<string, number>) {
  const withHours = decisions.filter((d) => d.hoursPerWeek > 0);
  const met = withHours.filter((d) => (deliveredMinutesPerWeek.get(d.recipientId) ?? 0) >= 0.9 * d.hoursPerWeek * 60);
  return { value: share(met.length, withHours.length), numerator: met.length, denominator: withHours.length };
}

/** Bice–Boxerman continuity of care: (Σ nⱼ² − N) / (N(N − 1)); 1 = one helper did every visit. */
export function coc(countsPerHelper: number[]): number | null {
  const n = countsPerHelper.reduce((a, b) => a + b, 0);
  if (n < 2) return null;
  const sq = countsPerHelper.reduce((a, b) => a + b * b, 0);
  return (sq - n) / (n * (n - 1));
}

/**
 * Integrity: continuity per person over the period, from done visits (a two-helper visit
 * counts once for each helper): distinct helpers (mean, median, 90th percentile), mean COC
 * over people with ≥ 2 helper-visits, and the share of helper-visits by the primary contact.
 */
export function continuity(visits: VisitRow[], primaryContact: Map<string, string | null>) {
  const per = new Map<string, Map<string, number>>();
  for (const v of visits) {
    if (v.status !== 'done') continue;
    const m = per.get(v.recipientId) ?? new Map<string, number>();
    for (const s of v.staffIds) m.set(s, (m.get(s) ?? 0) + 1);
    per.set(v.recipientId, m);
  }
  const distinct = [...per.values()].map((m) => m.size).filter((n) => n > 0);
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
  };
}
