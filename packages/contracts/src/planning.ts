/** Planning shapes shared by the server (which computes them) and the web app (which shows them). */

/** One recurring shift pattern of a helper's rota (turnus). */
export interface RotaPattern {
  id?: string;
  staffId: string;
  kind: 'day' | 'evening' | 'night';
  /** ISO weekdays 1 (Monday) … 7 (Sunday). */
  weekdays: number[];
  everyWeeks: number;
  /** Which week of the cycle (weeks counted from Monday 1970-01-05). */
  weekOffset: number;
  startMinute: number;
  /** Past 1440 for a night shift that ends the next morning (22:00–07:00 is 1320–1860). */
  endMinute: number;
  validFrom: string;
  validUntil: string | null;
}

/** Figures of a plan over a period, before and after planning. */
export interface PlanFigures {
  visits: number;
  unassigned: number;
  distinctHelpers: { mean: number; median: number; p90: number };
  insideWindow: number;
  insideWindowShare: number;
  travelMinutes: number;
  workload: { staffId: string; visits: number; minutes: number }[];
}

/** Why a visit was left without a helper (the planning page words it). */
export type UnassignedReason =
  | { code: 'no_shift' }
  | { code: 'no_competence'; competence: string }
  | { code: 'two_helpers_short' }
  | { code: 'no_room' };

/** Why a helper is not offered a visit (principle 8 made visible). */
export type NotOffered =
  | { code: 'absent' }
  | { code: 'no_shift' }
  /** No part of the day's working time (a split shift has several) holds the visit. */
  | { code: 'shift_outside_window'; shifts: { start: number; end: number }[] }
  | { code: 'missing_competence'; competence: string; expiredOn: string | null; validFrom: string | null };
