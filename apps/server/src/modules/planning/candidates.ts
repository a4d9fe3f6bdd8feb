/**
 * Principle 8 in the planning page: who can take this visit, and for everyone else the
 * reason in plain words — absent, not at work that day, no part of the shift reaches the
 * agreed window (a split shift's break does not), or a competence the visit needs is missing
 * on that date (never held, or expired).
 */
import type { NotOffered } from '@tillit/contracts';
import { validOnDate } from '../../time/valid.ts';
import type { PlanningStaff } from './planning.problem.ts';
import { fitsWindow, shiftsOn } from './rota.ts';

export type { NotOffered };

export interface CandidateVisit {
  date: string;
  windowStart: number;
  windowEnd: number;
  duration: number;
  competences: string[];
}

export function whyNotOffered(s: PlanningStaff, v: CandidateVisit): NotOffered[] {
  const reasons: NotOffered[] = [];
  const parts = shiftsOn(s.rota, s.absences, v.date);
  const rostered = shiftsOn(s.rota, [], v.date);
  if (!fitsWindow(parts, v.windowStart, v.windowEnd, v.duration)) {
    // Absent when the rota alone would have let the helper take it.
    if (fitsWindow(rostered, v.windowStart, v.windowEnd, v.duration)) reasons.push({ code: 'absent' });
    else if (parts.length === 0) reasons.push({ code: rostered.length ? 'absent' : 'no_shift' });
    else reasons.push({ code: 'shift_outside_window', shifts: parts });
  }
  for (const code of v.competences) {
    const held = s.competences.filter((c) => c.code === code);
    if (held.some((c) => validOnDate(c, v.date))) continue;
    const expired = held
      .filter((c) => c.validUntil !== null && c.validUntil < v.date)
      .map((c) => c.validUntil!)
      .sort();
    const future = held
      .filter((c) => c.validFrom > v.date)
      .map((c) => c.validFrom)
      .sort();
    reasons.push({
      code: 'missing_competence',
      competence: code,
      expiredOn: expired.length ? expired[expired.length - 1] : null,
      validFrom: future[0] ?? null,
    });
  }
  return reasons;
}
