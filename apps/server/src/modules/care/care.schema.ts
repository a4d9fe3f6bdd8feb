import { z } from 'zod';
import { rowVersion } from '@tillit/contracts';

const hhmm = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM')
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)));

export const whatMattersBody = z
  .object({ statement: z.string().trim().min(2).max(2000), present: z.string().trim().max(200).nullable().optional() })
  .strict();

export const goalBody = z
  .object({
    description: z.string().trim().min(2).max(1000),
    whatMattersId: z.uuid().nullable().optional(),
    reviewDate: z.iso.date(),
  })
  .strict();

/** A measure: linked to a goal or a professional need; the window must end after it starts. */
const measureFields = {
  goalId: z.uuid().nullable().optional(),
  professionalNeed: z.string().trim().min(3).max(1000).nullable().optional(),
  title: z.string().trim().min(2).max(200),
  how: z.string().trim().max(2000).default(''),
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  everyWeeks: z.number().int().min(1).max(8).default(1),
  windowStart: hhmm,
  windowEnd: hhmm,
  durationMinutes: z.number().int().min(5).max(480),
  requiredCompetence: z.string().trim().min(1).max(60).nullable().optional(),
  twoHelpers: z.boolean().default(false),
  usualStaffId: z.uuid().nullable().optional(),
  decidedWithPerson: z.boolean(),
  reason: z.string().trim().max(1000).optional(),
};

export const measureBody = z
  .object(measureFields)
  .strict()
  .superRefine((m, ctx) => {
    if (!m.goalId && !m.professionalNeed)
      ctx.addIssue({
        code: 'custom',
        path: ['goalId'],
        message: 'Link the measure to a goal, or write the professional need it meets',
      });
    if (m.windowEnd <= m.windowStart)
      ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: 'The window must end after it starts' });
  });

export const measurePatch = z
  .object({
    // The column is a PostgreSQL integer: a larger number must be a 400, not a database error.
    version: rowVersion,
    reason: z.string().trim().min(2).max(1000),
    decidedWithPerson: z.boolean(),
    status: z.enum(['active', 'paused', 'ended']).optional(),
    title: measureFields.title.optional(),
    how: z.string().trim().max(2000).optional(),
    days: measureFields.days.optional(),
    // No default here: a change names only what it changes (the 409 answers with exactly those fields).
    everyWeeks: z.number().int().min(1).max(8).optional(),
    windowStart: hhmm.optional(),
    windowEnd: hhmm.optional(),
    durationMinutes: measureFields.durationMinutes.optional(),
    usualStaffId: z.uuid().nullable().optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.windowStart !== undefined && m.windowEnd !== undefined && m.windowEnd <= m.windowStart)
      ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: 'The window must end after it starts' });
  });

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
  .object({
    kind: z.enum(['blood_pressure', 'pulse', 'temperature', 'weight', 'spo2', 'respiratory_rate', 'news2']),
    value: z.number(),
    value2: z.number().optional(),
  })
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

export const completeVisitBody = z
  .object({
    /** The visit's version as the helper saw it: a visit changed since (moved, re-planned) gets 409. */
    version: rowVersion,
    allAsPlanned: z.boolean().default(false),
    outcomes: z
      .array(
        z
          .object({
            measureId: z.uuid(),
            outcome: z.enum(['done', 'not_done', 'changed']),
            reason: z.string().trim().max(500).optional(),
          })
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

export const generateBody = z.object({ from: z.iso.date(), days: z.number().int().min(1).max(28) }).strict();
export const assignBody = z
  .object({ staffId: z.uuid().nullable(), secondStaffId: z.uuid().nullable().optional() })
  .strict();
export const dayQuery = z.object({ date: z.iso.date().optional() });
export const closeBody = z.object({ note: z.string().trim().min(2).max(1000) }).strict();

export type MeasureInput = z.infer<typeof measureBody>;
export type MeasurePatch = z.infer<typeof measurePatch>;
export type CompleteVisit = z.infer<typeof completeVisitBody>;

/** A shared decision and the plan change it makes: pause a measure, move its window, or add one. */
export const sharedDecisionBody = z
  .object({
    visitId: z.uuid().nullable().optional(),
    question: z.string().trim().min(3).max(500),
    options: z.array(z.string().trim().min(1).max(200)).min(2).max(6),
    chosen: z.string().trim().min(1).max(200),
    why: z.string().trim().min(2).max(1000),
    change: z.discriminatedUnion('action', [
      z.object({ action: z.literal('pause'), measureId: z.uuid() }).strict(),
      z.object({ action: z.literal('window'), measureId: z.uuid(), windowStart: hhmm, windowEnd: hhmm }).strict(),
      z
        .object({
          action: z.literal('add'),
          measure: z.object(measureFields).omit({ decidedWithPerson: true, reason: true }).strict(),
        })
        .strict(),
    ]),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (!d.options.includes(d.chosen))
      ctx.addIssue({ code: 'custom', path: ['chosen'], message: 'The choice must be one of the options discussed' });
    const c = d.change;
    if (c.action === 'window' && c.windowEnd <= c.windowStart)
      ctx.addIssue({ code: 'custom', path: ['change', 'windowEnd'], message: 'The window must end after it starts' });
    if (c.action === 'add' && c.measure.windowEnd <= c.measure.windowStart)
      ctx.addIssue({
        code: 'custom',
        path: ['change', 'measure', 'windowEnd'],
        message: 'The window must end after it starts',
      });
  });
export type SharedDecisionInput = z.infer<typeof sharedDecisionBody>;
