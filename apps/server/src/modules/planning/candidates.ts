/**
 * Principle 8 in the planning page: who can take this visit, and for everyone else the
 * reason in plain words — absent, not at work that day, the shift does not reach the agreed
 * window, or a competence the visit needs is missing on that date (never held, or expired).
 */
import type { NotOffered } from '@tillit/contracts';
import type { PlanningStaff } from './planning.problem.ts';
import { entryFallsOn, shiftOn } from './rota.ts';

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
  const working = s.rota.some((e) => entryFallsOn(e, v.date));
  const shift = shiftOn(s.rota, s.absences, v.date);
  if (working && !shift) reasons.push({ code: 'absent' });
  else if (!shift) reasons.push({ code: 'no_shift' });
  else if (shift.start > v.windowEnd || shift.end < v.windowStart + v.duration)
    reasons.push({ code: 'shift_outside_window', shiftStart: shift.start, shiftEnd: shift.end });
  for (const code of v.competences) {
    const held = s.competences.filter((c) => c.code === code);
    if (held.some((c) => c.validFrom <= v.date && (c.validUntil === null || v.date <= c.validUntil))) continue;
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
