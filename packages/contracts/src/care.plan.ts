/**
 * The shared care record's plan: what matters, goals, measures (tiltak) and shared decisions
 * (samvalg), and the record as the care section reads it. Every endpoint's input and output;
 * the server validates with these schemas (output through the zod serializer), the web app
 * takes its types. Visits are care.visits.ts, the team board care.board.ts.
 */
import { z } from 'zod';
import { jsonDate, rowVersion } from './common.ts';
import { hhmm, observationKind, visitStatus } from './care.visits.ts';
import { serviceDecisionSummary } from './decisions.ts';

/** POST /api/recipients/:id/what-matters */
export const whatMattersBody = z
  .object({ statement: z.string().trim().min(2).max(2000), present: z.string().trim().max(200).nullable().optional() })
  .strict();
export type WhatMattersRequest = z.input<typeof whatMattersBody>;
export const whatMattersResponse = z.object({
  id: z.string(),
  recipientId: z.string(),
  statement: z.string(),
  present: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: jsonDate,
});

const goalStatus = z.enum(['active', 'achieved', 'paused', 'ended']);

/** POST /api/recipients/:id/goals */
export const goalBody = z
  .object({
    description: z.string().trim().min(2).max(1000),
    whatMattersId: z.uuid().nullable().optional(),
    reviewDate: z.iso.date(),
  })
  .strict();
export type GoalRequest = z.input<typeof goalBody>;
export const goalResponse = z.object({
  id: z.string(),
  recipientId: z.string(),
  whatMattersId: z.string().nullable(),
  description: z.string(),
  reviewDate: z.string(),
  status: goalStatus,
  createdBy: z.string(),
  createdAt: jsonDate,
});

/** A measure: linked to a goal or a professional need; the window must end after it starts. */
export const measureFields = {
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

/** POST /api/recipients/:id/measures */
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
export type MeasureInput = z.infer<typeof measureBody>;
export type MeasureRequest = z.input<typeof measureBody>;

/** PATCH /api/measures/:id: names what it changes and why; `version` guards against lost updates. */
export const measurePatch = z
  .object({
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
export type MeasurePatch = z.infer<typeof measurePatch>;
export type MeasurePatchRequest = z.input<typeof measurePatch>;

/** How the person's coming visits followed a new or changed measure, at once. */
export const followedVisits = z.object({
  /** Visits moved to the measure's new window, keeping their helpers. */
  moved: z.number(),
  /** Visits the measure left (a visit left with no measure is cancelled). */
  left: z.number(),
  cancelled: z.number(),
  /** Visits made for the planning horizon (new measure, new days, or resumed). */
  created: z.number(),
});
export type FollowedVisits = z.infer<typeof followedVisits>;

/** A measure as made or changed (POST …/measures, PATCH /api/measures/:id), with how its visits followed. */
export const measureResponse = z.object({
  id: z.string(),
  recipientId: z.string(),
  goalId: z.string().nullable(),
  professionalNeed: z.string().nullable(),
  title: z.string(),
  how: z.string(),
  days: z.array(z.number()),
  everyWeeks: z.number(),
  windowStart: z.number(),
  windowEnd: z.number(),
  durationMinutes: z.number(),
  requiredCompetence: z.string().nullable(),
  twoHelpers: z.boolean(),
  usualStaffId: z.string().nullable(),
  validFrom: z.string(),
  status: z.enum(['active', 'paused', 'ended']),
  version: z.number(),
  updatedAt: jsonDate,
  visits: followedVisits,
});
export type MeasureResult = z.infer<typeof measureResponse>;

/** POST /api/recipients/:id/shared-decisions: the decision and the plan change it makes, at once. */
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
export type SharedDecisionRequest = z.input<typeof sharedDecisionBody>;
export const sharedDecisionResponse = z.object({ id: z.string(), measureId: z.string() });

/** GET /api/recipients/:id/care: what matters → goals → measures, and what the team needs around them. */
export const careResponse = z.object({
  whatMatters: z.array(
    z.object({
      id: z.string(),
      statement: z.string(),
      present: z.string().nullable(),
      recordedAt: z.string(),
      recordedBy: z.string(),
    }),
  ),
  goals: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      whatMattersId: z.string().nullable(),
      reviewDate: z.string(),
      status: goalStatus,
    }),
  ),
  measures: z.array(
    z.object({
      id: z.string(),
      goalId: z.string().nullable(),
      professionalNeed: z.string().nullable(),
      title: z.string(),
      how: z.string(),
      days: z.array(z.number()),
      everyWeeks: z.number(),
      windowStart: z.number(),
      windowEnd: z.number(),
      durationMinutes: z.number(),
      requiredCompetence: z.string().nullable(),
      twoHelpers: z.boolean(),
      status: z.enum(['active', 'paused']),
      version: z.number(),
      usualStaff: z.string().nullable(),
    }),
  ),
  conditionChanges: z.array(z.object({ id: z.string(), text: z.string(), createdAt: z.string() })),
  recentVisits: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      windowStart: z.number(),
      windowEnd: z.number(),
      status: visitStatus,
      note: z.string().nullable(),
      helper: z.string().nullable(),
    }),
  ),
  serviceDecisions: z.array(serviceDecisionSummary),
  sharedDecisions: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      options: z.array(z.string()),
      chosen: z.string(),
      why: z.string(),
      decidedAt: z.string(),
    }),
  ),
  observations: z.array(
    z.object({
      kind: observationKind,
      value: z.number(),
      value2: z.number().nullable(),
      unit: z.string(),
      recordedAt: z.string(),
    }),
  ),
});
export type Care = z.infer<typeof careResponse>;
