/** Shapes of the planning API as the pages use them. */
import type { NotOffered, PlanFigures, UnassignedReason } from '@tillit/contracts';

export type { NotOffered, UnassignedReason };

export type Figures = PlanFigures;

export interface PlanVisit {
  id: string;
  recipientId: string;
  person: string;
  date: string;
  windowStart: number;
  windowEnd: number;
  duration: number;
  start: number | null;
  helpers: string[];
  changed: boolean;
  twoHelpers: boolean;
  competences: string[];
  status: string;
  lockedTo: string | null;
  measures: string[];
  /** Why the proposal gives the visit to a helper outside the person's helper set (null: inside, or no set). */
  outsideSet?: OutsideReason | null;
}

/** The optimizer's reason for a visit outside the person's helper set (its English text left out). */
export interface OutsideReason {
  code: 'off_duty' | 'not_qualified' | 'two_helpers' | 'no_room' | 'less_travel';
  day: number;
  skills?: string[];
  able?: number;
  from?: number;
  to?: number;
  minutes?: number;
}

export interface RunInfo {
  id: string;
  kind: 'period' | 'sick_day';
  status: 'queued' | 'running' | 'done' | 'failed' | 'published' | 'discarded';
  progress: { seconds?: number; unassigned?: number; done?: boolean } | null;
  /** Why a failed run failed, as a code (`failed`, `not_queued`, `interrupted`). */
  errorCode: 'failed' | 'not_queued' | 'interrupted' | null;
  timeLimitSeconds: number;
  publishedAt: string | null;
}

export interface PlanView {
  teamId: string;
  from: string;
  days: number;
  dates: string[];
  run: RunInfo | null;
  figures: { before: Figures; after: Figures | null };
  unassigned: { visitId: string; reason: UnassignedReason | null }[];
  /** Per date, the parts of each helper's working time (a split shift has two; empty when off). */
  staff: { id: string; name: string; shifts: { start: number; end: number }[][]; absent: boolean[] }[];
  visits: PlanVisit[];
  /** helperSet: the proposal's helper set (primary contact first); empty without a proposal. */
  people: { recipientId: string; person: string; helpers: string[]; helperSet?: string[] }[];
  locks: { id: string; visitId: string | null; staffId: string; date: string | null }[];
}

export interface Candidates {
  visitId: string;
  competences: string[];
  candidates: { staffId: string; name: string; offered: boolean; reasons: NotOffered[] }[];
}
