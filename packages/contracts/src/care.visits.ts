/**
 * Visits: made from the plan, listed per helper and day («Min dag»), opened, given to helpers,
 * checked in and documented. Every endpoint's input and output; the server validates with these
 * schemas (output through the zod serializer), the web app takes its types.
 */
import { z } from 'zod';
import { jsonDate, rowVersion } from './common.ts';

/** A time of day as HH:MM, given to the server as minutes after midnight. */
export const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)));

export const visitStatus = z.enum(['planned', 'started', 'done', 'cancelled']);
export type VisitStatus = z.infer<typeof visitStatus>;
export const measureOutcome = z.enum(['done', 'not_done', 'changed']);
export type MeasureOutcome = z.infer<typeof measureOutcome>;

export const observationKinds = [
  'blood_pressure',
  'pulse',
  'temperature',
  'weight',
  'spo2',
  'respiratory_rate',
  'news2',
] as const;
export const observationKind = z.enum(observationKinds);
export type ObservationKind = z.infer<typeof observationKind>;

/** Plausible ranges: a typo (a pulse of 720) is refused, a worrying but real value is not. */
export const observationRanges = {
  blood_pressure: { min: 50, max: 260, min2: 30, max2: 160, unit: 'mm[Hg]' },
  pulse: { min: 20, max: 250, unit: '/min' },
  temperature: { min: 30, max: 43, unit: 'Cel' },
  weight: { min: 20, max: 300, unit: 'kg' },
  spo2: { min: 50, max: 100, unit: '%' },
  respiratory_rate: { min: 4, max: 60, unit: '/min' },
  news2: { min: 0, max: 20, unit: '{score}' },
} as const;

export const observationInput = z
  .object({ kind: observationKind, value: z.number(), value2: z.number().optional() })
  .strict()
  .superRefine((o, ctx) => {
    const r = observationRanges[o.kind];
    if (o.value < r.min || o.value > r.max)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `A ${o.kind} of ${o.value} is not plausible (${r.min}–${r.max} ${r.unit})`,
      });
    if (o.kind === 'blood_pressure') {
      const rr = observationRanges.blood_pressure;
      if (o.value2 === undefined)
        ctx.addIssue({ code: 'custom', path: ['value2'], message: 'Blood pressure needs the diastolic value' });
      else if (o.value2 < rr.min2 || o.value2 > rr.max2 || o.value2 >= o.value)
        ctx.addIssue({
          code: 'custom',
          path: ['value2'],
          message: `A diastolic pressure of ${o.value2} is not plausible`,
        });
    }
  });

/** POST /api/visits/:id/complete: each measure's outcome, a note, observations, a change in condition. */
export const completeVisitBody = z
  .object({
    /** The visit's version as the helper saw it: a visit changed since (moved, re-planned) gets 409. */
    version: rowVersion,
    allAsPlanned: z.boolean().default(false),
    outcomes: z
      .array(
        z
          .object({ measureId: z.uuid(), outcome: measureOutcome, reason: z.string().trim().max(500).optional() })
          .strict(),
      )
      .default([]),
    note: z.string().trim().max(2000).optional(),
    /** The note is for the next shift («til rapport»): the handover lists it. */
    noteForHandover: z.boolean().optional(),
    observations: z.array(observationInput).max(10).default([]),
    conditionChange: z.string().trim().min(3).max(2000).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    v.outcomes.forEach((o, i) => {
      if (o.outcome !== 'done' && !o.reason)
        ctx.addIssue({ code: 'custom', path: ['outcomes', i, 'reason'], message: 'Say why' });
    });
  });
export type CompleteVisit = z.infer<typeof completeVisitBody>;
export type CompleteVisitRequest = z.input<typeof completeVisitBody>;
export const completeVisitResponse = z.object({ id: z.string(), status: z.literal('done') });

/** POST /api/teams/:id/visits/generate: the visits the plan asks for over the coming days. */
export const generateBody = z.object({ from: z.iso.date(), days: z.number().int().min(1).max(28) }).strict();
export type GenerateRequest = z.input<typeof generateBody>;
export const generateResponse = z.object({ created: z.number() });
export type GenerateResult = z.infer<typeof generateResponse>;

/** GET /api/me/day: «Min dag» on a date (today in Oslo when left out). */
export const dayQuery = z.object({ date: z.iso.date().optional() });
const dayTimes = {
  id: z.string(),
  date: z.string(),
  windowStart: z.number(),
  windowEnd: z.number(),
  plannedStart: z.number().nullable(),
  status: visitStatus,
};
/** A visit whose person the helper may see, with what is needed at the door. */
export const dayVisit = z.object({
  ...dayTimes,
  access: z.enum(['care_relation', 'emergency']),
  version: z.number(),
  recipientId: z.string(),
  /** Given name and the family name's initial. */
  displayName: z.string(),
  addressLine: z.string(),
  measures: z.array(z.string()).nullable(),
  otherHelper: z.string().nullable(),
  openConditionChanges: z.number(),
  planChanged: z.boolean(),
  whatMatters: z.string().nullable(),
});
/** A visit whose person the helper may no longer see (say the care relation ended): its time only. */
export const withheldVisit = z.object({ ...dayTimes, access: z.literal('withheld') });
export const dayResponse = z.array(z.discriminatedUnion('access', [dayVisit, withheldVisit]));
export type DayVisit = z.infer<typeof dayVisit>;
export type WithheldVisit = z.infer<typeof withheldVisit>;

/** GET /api/visits/:id: the visit, its measures, and what matters to the person in their words. */
export const visitResponse = z.object({
  id: z.string(),
  date: z.string(),
  windowStart: z.number(),
  windowEnd: z.number(),
  status: visitStatus,
  version: z.number(),
  note: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  recipient: z.object({
    id: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    addressLine: z.string(),
    phone: z.string().nullable(),
  }),
  /** Null when nobody is given the visit. */
  helpers: z.array(z.string()).nullable(),
  measures: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      how: z.string(),
      outcome: measureOutcome.nullable(),
      reason: z.string().nullable(),
      requiredCompetence: z.string().nullable(),
    }),
  ),
  whatMatters: z.array(z.string()),
  /** What was measured at this visit. */
  observations: z.array(
    z.object({ kind: z.string(), value: z.number(), value2: z.number().nullable(), unit: z.string() }),
  ),
  conditionChanges: z.array(z.string()),
});
export type Visit = z.infer<typeof visitResponse>;

/** PATCH /api/visits/:id/assignment: given to helpers by hand (the board); null takes it off. */
export const assignBody = z
  .object({ staffId: z.uuid().nullable(), secondStaffId: z.uuid().nullable().optional() })
  .strict();
export type AssignRequest = z.input<typeof assignBody>;
/** The visit as it now is. */
export const assignResponse = z.object({
  id: z.string(),
  recipientId: z.string(),
  date: z.string(),
  windowStart: z.number(),
  windowEnd: z.number(),
  staffId: z.string().nullable(),
  secondStaffId: z.string().nullable(),
  plannedStart: z.number().nullable(),
  published: z.boolean(),
  status: visitStatus,
  checkedInAt: jsonDate.nullable(),
  checkedOutAt: jsonDate.nullable(),
  checkInMinute: z.number().nullable(),
  note: z.string().nullable(),
  version: z.number(),
});

/** POST /api/visits/:id/check-in */
export const checkInResponse = z.object({
  id: z.string(),
  status: visitStatus,
  checkedInAt: jsonDate.nullable(),
  version: z.number(),
});
