/**
 * Planning: the plan of a period with the optimizer's proposal, runs, locks, the rota and
 * absences, «Hvem kommer?» links and a helper's changes. The server validates with these
 * schemas (input, and output through the zod serializer); the web app takes its types.
 */
import { z } from 'zod';
import { jsonDate } from './common.ts';

export const planTeamParams = z.object({ teamId: z.uuid() });
export const runParams = z.object({ runId: z.uuid() });
export const visitParams = z.object({ visitId: z.uuid() });
export const planIdParams = z.object({ id: z.uuid() });
export const visitingTokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/),
});

const okResponse = z.object({ ok: z.boolean() });

/** A shift starts in the day (0 … 1439); a night shift ends the next morning, so its end may pass 1440. */
const startMinute = z.number().int().min(0).max(1439);
const endMinute = z.number().int().min(1).max(2880);
const shiftKind = z.enum(['day', 'evening', 'night']);

/** One recurring shift pattern of a helper's rota (turnus), as the server keeps it. */
export const rotaPattern = z.object({
  id: z.string().optional(),
  staffId: z.string(),
  kind: shiftKind,
  /** ISO weekdays 1 (Monday) … 7 (Sunday). */
  weekdays: z.array(z.number()),
  everyWeeks: z.number(),
  /** Which week of the cycle (weeks counted from Monday 1970-01-05). */
  weekOffset: z.number(),
  startMinute: z.number(),
  /** Past 1440 for a night shift that ends the next morning (22:00–07:00 is 1320–1860). */
  endMinute: z.number(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
});
export type RotaPattern = z.infer<typeof rotaPattern>;

/** Figures of a plan over a period, before and after planning. */
export const planFigures = z.object({
  visits: z.number(),
  unassigned: z.number(),
  distinctHelpers: z.object({ mean: z.number(), median: z.number(), p90: z.number() }),
  insideWindow: z.number(),
  insideWindowShare: z.number(),
  /**
   * Null in runs stored before 2026-12-02: the figures put each person's own id over their place's
   * id, so every travel sum was NaN, which JSON stores as null. Fixed in planning.figures.ts; old
   * runs still read, and the page shows «–» for them.
   */
  travelMinutes: z.union([z.number(), z.nan(), z.null()]).transform((v) => (v === null || Number.isNaN(v) ? null : v)),
  workload: z.array(z.object({ staffId: z.string(), visits: z.number(), minutes: z.number() })),
});
export type PlanFigures = z.infer<typeof planFigures>;

/** Why a visit was left without a helper (the planning page words it). */
export const unassignedReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('no_shift') }),
  z.object({ code: z.literal('no_competence'), competence: z.string() }),
  z.object({ code: z.literal('two_helpers_short') }),
  z.object({ code: z.literal('no_room') }),
]);
export type UnassignedReason = z.infer<typeof unassignedReason>;

const shiftPart = z.object({ start: z.number(), end: z.number() });

/** Why a helper is not offered a visit (principle 8 made visible). */
export const notOffered = z.discriminatedUnion('code', [
  z.object({ code: z.literal('absent') }),
  z.object({ code: z.literal('no_shift') }),
  /** No part of the day's working time (a split shift has several) holds the visit. */
  z.object({ code: z.literal('shift_outside_window'), shifts: z.array(shiftPart) }),
  z.object({
    code: z.literal('missing_competence'),
    competence: z.string(),
    expiredOn: z.string().nullable(),
    validFrom: z.string().nullable(),
  }),
]);
export type NotOffered = z.infer<typeof notOffered>;

/** The optimizer's reason for a visit outside the person's helper set (its English text left out). */
export const outsideReason = z.object({
  code: z.enum(['off_duty', 'not_qualified', 'two_helpers', 'no_room', 'less_travel']),
  day: z.number(),
  skills: z.array(z.string()).optional(),
  able: z.number().optional(),
  from: z.number().optional(),
  to: z.number().optional(),
  minutes: z.number().optional(),
});
export type OutsideReason = z.infer<typeof outsideReason>;

export const planVisit = z.object({
  id: z.string(),
  recipientId: z.string(),
  person: z.string(),
  date: z.string(),
  windowStart: z.number(),
  windowEnd: z.number(),
  duration: z.number(),
  start: z.number().nullable(),
  helpers: z.array(z.string()),
  changed: z.boolean(),
  twoHelpers: z.boolean(),
  competences: z.array(z.string()),
  status: z.enum(['planned', 'started', 'done', 'cancelled']),
  lockedTo: z.string().nullable(),
  measures: z.array(z.string()),
  /** Why the proposal gives the visit to a helper outside the person's helper set (null: inside, or no set). */
  outsideSet: outsideReason.nullable().optional(),
});
export type PlanVisit = z.infer<typeof planVisit>;

const runKind = z.enum(['period', 'sick_day']);
const runStatus = z.enum(['queued', 'running', 'done', 'failed', 'published', 'discarded']);
/** What the worker writes while it runs, and when it is done. */
export const runProgress = z
  .object({
    seconds: z.number().optional(),
    unassigned: z.number().optional(),
    travel: z.number().optional(),
    done: z.boolean().optional(),
  })
  .nullable();
export type RunProgress = z.infer<typeof runProgress>;
/** Why a failed run failed, as a code (`failed`, `not_queued`, `interrupted`). */
const runErrorCode = z.enum(['failed', 'not_queued', 'interrupted']).nullable();

export const runInfo = z.object({
  id: z.string(),
  kind: runKind,
  status: runStatus,
  progress: runProgress,
  errorCode: runErrorCode,
  timeLimitSeconds: z.number(),
  createdAt: jsonDate,
  finishedAt: jsonDate.nullable(),
  publishedAt: jsonDate.nullable(),
});
export type RunInfo = z.infer<typeof runInfo>;

export const planLock = z.object({
  id: z.string(),
  visitId: z.string().nullable(),
  staffId: z.string(),
  date: z.string().nullable(),
});

/** GET /api/planning/teams/:teamId/plan and GET /api/planning/runs/:runId */
export const planViewResponse = z.object({
  teamId: z.string(),
  from: z.string(),
  days: z.number(),
  dates: z.array(z.string()),
  run: runInfo.nullable(),
  figures: z.object({ before: planFigures, after: planFigures.nullable() }),
  unassigned: z.array(z.object({ visitId: z.string(), reason: unassignedReason.nullable() })),
  /** Per date, the parts of each helper's working time (a split shift has two; empty when off). */
  staff: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      shifts: z.array(z.array(shiftPart)),
      absent: z.array(z.boolean()),
    }),
  ),
  visits: z.array(planVisit),
  /** helperSet: the proposal's helper set (primary contact first); empty without a proposal. */
  people: z.array(
    z.object({
      recipientId: z.string(),
      person: z.string(),
      helpers: z.array(z.string()),
      helperSet: z.array(z.string()).optional(),
    }),
  ),
  locks: z.array(planLock),
  /** Where the team's day starts and ends (the middle of its area), for the routes' map. */
  base: z.object({ lat: z.number(), lon: z.number() }),
  /** Where each person with a visit in the view lives (only those the view lists by name). */
  places: z.array(z.object({ recipientId: z.string(), lat: z.number(), lon: z.number() })),
});
export type PlanView = z.infer<typeof planViewResponse>;

export const planPeriodQuery = z.object({
  from: z.iso.date(),
  days: z.coerce.number().int().min(1).max(14).default(14),
});

/** GET /api/planning/teams/:teamId/runs: the latest ten. */
export const latestRunsResponse = z.array(
  z.object({
    id: z.string(),
    kind: runKind,
    status: runStatus,
    fromDate: z.string(),
    days: z.number(),
    createdAt: jsonDate,
    publishedAt: jsonDate.nullable(),
  }),
);

/** POST /api/planning/teams/:teamId/runs */
export const newRunBody = z.object({
  from: z.iso.date(),
  days: z.number().int().min(1).max(14).default(14),
  timeLimitSeconds: z.number().int().min(1).max(120).default(20),
});
/** POST …/runs and …/rerun: the queued run. */
export const queuedRunResponse = z.object({ id: z.string() });
export type QueuedRun = z.infer<typeof queuedRunResponse>;

/** POST /api/planning/runs/:runId/rerun */
export const rerunBody = z.object({ timeLimitSeconds: z.number().int().min(1).max(120).optional() });

/** GET /api/planning/runs/:runId/status: polled while the optimizer works; nothing about people. */
export const runStatusResponse = runInfo.pick({
  id: true,
  status: true,
  progress: true,
  errorCode: true,
  timeLimitSeconds: true,
});
export type RunStatus = z.infer<typeof runStatusResponse>;

/** POST /api/planning/runs/:runId/publish */
export const publishResponse = z.object({ changed: z.number(), skipped: z.number(), notified: z.number() });
export type PublishResult = z.infer<typeof publishResponse>;

/** GET /api/planning/visits/:visitId/candidates */
export const candidatesResponse = z.object({
  visitId: z.string(),
  competences: z.array(z.string()),
  candidates: z.array(
    z.object({ staffId: z.string(), name: z.string(), offered: z.boolean(), reasons: z.array(notOffered) }),
  ),
});
export type Candidates = z.infer<typeof candidatesResponse>;

/** POST /api/planning/visits/:visitId/lock */
export const lockBody = z.object({ staffId: z.uuid().optional() });
/** POST /api/planning/teams/:teamId/day-locks */
export const dayLockBody = z.object({ staffId: z.uuid(), date: z.iso.date() });
/** A lock as stored: a visit kept with a helper, or a helper's day kept as it is. */
export const lockResponse = planLock.extend({ teamId: z.string(), lockedBy: z.string(), lockedAt: jsonDate });
/** DELETE /api/planning/locks/:id, /rota/:id, /absences/:id */
export const removedResponse = okResponse;

export const absenceReason = z.enum(['sick', 'leave', 'course', 'other']);

/** GET /api/planning/teams/:teamId/rota */
export const teamRotaResponse = z.object({
  staff: z.array(z.object({ id: z.string(), name: z.string(), profession: z.string() })),
  entries: z.array(rotaPattern.extend({ id: z.string() })),
  absences: z.array(
    z.object({ id: z.string(), staffId: z.string(), fromDate: z.string(), toDate: z.string(), reason: absenceReason }),
  ),
});
export type TeamRota = z.infer<typeof teamRotaResponse>;

/** POST /api/planning/teams/:teamId/rota */
export const rotaEntryBody = z
  .object({
    staffId: z.uuid(),
    kind: shiftKind,
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .refine((d) => new Set(d).size === d.length, { message: 'Each weekday once' }),
    everyWeeks: z.number().int().min(1).max(4).default(1),
    weekOffset: z.number().int().min(0).max(3).default(0),
    startMinute,
    endMinute,
    validFrom: z.iso.date(),
    validUntil: z.iso.date().nullable().default(null),
  })
  .refine((e) => e.endMinute > e.startMinute, { path: ['endMinute'], message: 'The shift must end after it starts' })
  .refine((e) => e.endMinute - e.startMinute <= 1440, {
    path: ['endMinute'],
    message: 'A shift lasts at most 24 hours (a night shift ends the next morning)',
  })
  .refine((e) => e.weekOffset < e.everyWeeks, {
    path: ['weekOffset'],
    message: 'The week in the cycle must be less than the cycle length',
  })
  .refine((e) => e.validUntil === null || e.validUntil >= e.validFrom, {
    path: ['validUntil'],
    message: 'The rota must end on or after it starts',
  });
export const rotaEntryResponse = rotaPattern.extend({ id: z.string(), teamId: z.string(), createdAt: jsonDate });

/** POST /api/planning/teams/:teamId/absences */
export const absenceBody = z
  .object({
    staffId: z.uuid(),
    fromDate: z.iso.date(),
    toDate: z.iso.date(),
    reason: absenceReason,
  })
  .refine((a) => a.toDate >= a.fromDate, { path: ['toDate'], message: 'The absence must end on or after its start' });
export const absenceResponse = z.object({
  id: z.string(),
  teamId: z.string(),
  staffId: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  reason: absenceReason,
  createdBy: z.string(),
  createdAt: jsonDate,
});

/** POST /api/planning/teams/:teamId/sick: the absence, and the sick-day run it queued. */
export const sickBody = z.object({
  staffId: z.uuid(),
  date: z.iso.date(),
  timeLimitSeconds: z.number().int().min(1).max(120).default(10),
});
export const sickResponse = z.object({ absenceId: z.string(), runId: z.string() });
export type SickResult = z.infer<typeof sickResponse>;

/** «Hvem kommer?»: for the person themself, or for one of their registered next of kin. */
export const visitingLinkBody = z.discriminatedUnion('for', [
  z.object({ for: z.literal('person') }).strict(),
  z.object({ for: z.literal('next_of_kin'), nextOfKinId: z.uuid() }).strict(),
]);
/** POST /api/recipients/:id/visiting-link */
export const visitingLinkResponse = z.object({ path: z.string(), expiresAt: z.string() });
export type VisitingLink = z.infer<typeof visitingLinkResponse>;

/** GET /api/visiting/:token: times and first names only, not even the person's name. */
export const visitingResponse = z.object({
  expiresAt: z.string(),
  visits: z.array(
    z.object({
      date: z.string(),
      windowStart: z.number(),
      windowEnd: z.number(),
      plannedStart: z.number().nullable(),
      helpers: z.array(z.string()),
    }),
  ),
});
export type Visiting = z.infer<typeof visitingResponse>;

/** GET /api/planning/my-changes: a helper's unseen changes to the published plan. */
export const myChangesResponse = z.array(
  z.object({
    id: z.string(),
    kind: z.enum(['added', 'removed', 'retimed']),
    date: z.string(),
    plannedStart: z.number().nullable(),
    windowStart: z.number(),
    windowEnd: z.number(),
    /** Null when the helper may no longer see the person (the server withholds the name). */
    person: z.string().nullable(),
    createdAt: jsonDate,
  }),
);
export type PlanChange = z.infer<typeof myChangesResponse>[number];

/** POST /api/planning/my-changes/seen */
export const seenBody = z.object({ ids: z.array(z.uuid()).max(1000) });
export const seenResponse = z.object({ seen: z.number() });
