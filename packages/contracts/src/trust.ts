/**
 * Trust: a team's indicators and dashboard, its notes and actions, the leader's comparison of
 * the teams and self-assessment. The server validates with these schemas (input, and output
 * through the zod serializer); the web app takes its types.
 */
import { z } from 'zod';
import { rowVersion } from './common.ts';
import { MISCONCEPTION_IDS } from './selfassessment.items.ts';
import { surveyResultsResponse } from './surveys.ts';

export { MISCONCEPTIONS, MISCONCEPTION_IDS, type MisconceptionId } from './selfassessment.items.ts';

export const teamIdParams = z.object({ id: z.uuid() });
export const noteParams = z.object({ id: z.uuid(), noteId: z.uuid() });

/** A period of at most about a year; it must end on or after its start. */
export const trustPeriodQuery = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((p) => p.to >= p.from, { path: ['to'], message: 'The period must end on or after its start' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 400 * 86_400_000, {
    path: ['to'],
    message: 'The period can be at most 400 days',
  });

const ratio = z.object({ value: z.number().nullable(), numerator: z.number(), denominator: z.number() });

/**
 * Time from a service request to its decision, or from a decision to the first visit (#22 item 6):
 * median days of those that happened in the period, the share within the norm (of those, plus
 * those still waiting beyond the norm at the period's end), and how many still wait. Too few
 * (under five) to say anything: `tooFew`, and no median or share.
 */
export const waitingTime = z.object({
  medianDays: z.number().nullable(),
  withinNorm: z.number().nullable(),
  normDays: z.number(),
  /** Happened in the period (the basis of the median). */
  counted: z.number(),
  /** Of those, within the norm. */
  within: z.number(),
  /** Not happened by the period's end … */
  waiting: z.number(),
  /** … of which already waiting longer than the norm (counted as outside it). */
  waitingOverNorm: z.number(),
  tooFew: z.boolean(),
});
export type WaitingTime = z.infer<typeof waitingTime>;

/** GET /api/teams/:id/indicators: team-level figures for a period, never one per employee. */
export const indicatorsResponse = z.object({
  team: z.object({ id: z.string(), name: z.string() }),
  period: z.object({ from: z.string(), to: z.string() }),
  ability: z.object({
    punctuality: ratio,
    /** Done visits documented without a check-in: not in punctuality, shown on their own. */
    notCheckedIn: ratio,
    unstaffedOrCancelled: ratio,
    flagToPlanHours: z.object({ value: z.number().nullable(), updated: z.number(), notUpdated: z.number() }),
    /** From a service request's arrival to the decision answering it in force. */
    requestToDecision: waitingTime,
    /** From a decision answering a request to the first visit that delivered it. */
    decisionToFirstVisit: waitingTime,
  }),
  integrity: z.object({
    planFidelity: ratio,
    decisionsDelivered: ratio,
    continuity: z.object({
      people: z.number(),
      distinctMean: z.number().nullable(),
      distinctMedian: z.number().nullable(),
      distinctP90: z.number().nullable(),
      cocMean: z.number().nullable(),
      primaryContactShare: z.number().nullable(),
      helperVisits: z.number(),
    }),
  }),
});
export type Indicators = z.infer<typeof indicatorsResponse>;

export const monthsQuery = z.object({ months: z.coerce.number().int().min(1).max(12).default(6) });

/** GET /api/teams/:id/dashboard: indicators month by month, the survey quarter by quarter. */
export const dashboardResponse = z.object({
  team: z.object({ id: z.string(), name: z.string() }),
  months: z.array(indicatorsResponse.extend({ month: z.string() })),
  quarters: z.array(surveyResultsResponse),
});
export type Dashboard = z.infer<typeof dashboardResponse>;

export const indicatorId = z.enum([
  'punctuality',
  'notCheckedIn',
  'unstaffedOrCancelled',
  'flagToPlanHours',
  'requestToDecisionDays',
  'decisionToVisitDays',
  'planFidelity',
  'decisionsDelivered',
  'distinctMedian',
  'cocMean',
  'primaryContactShare',
]);
export type IndicatorId = z.infer<typeof indicatorId>;

/** What changed for one indicator between two periods (trust/agenda.ts). */
export const indicatorChange = z.object({
  indicator: indicatorId,
  current: z.number().nullable(),
  previous: z.number().nullable(),
  /** current − previous, or null when either is missing. */
  change: z.number().nullable(),
  direction: z.enum(['better', 'worse', 'same', 'unknown']),
  notable: z.boolean(),
});
export type IndicatorChange = z.infer<typeof indicatorChange>;

/** GET /api/trust/comparison: the district's teams, this period against the one before. */
export const comparisonResponse = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  previous: z.object({ from: z.string(), to: z.string() }),
  quarter: z.string(),
  teams: z.array(
    z.object({
      team: z.object({ id: z.string(), name: z.string() }),
      current: indicatorsResponse,
      previous: indicatorsResponse,
      changes: z.array(indicatorChange),
      agenda: z.array(indicatorChange),
      survey: z.union([
        z.object({ open: z.literal(true), closesOn: z.string() }),
        z.object({ suppressed: z.literal(true) }),
        z.object({
          suppressed: z.literal(false),
          responses: z.number(),
          themes: z.array(z.object({ id: z.string(), count: z.number() })),
        }),
      ]),
    }),
  ),
});
export type Comparison = z.infer<typeof comparisonResponse>;

export const noteOwner = z.enum([
  'team',
  'coordinator',
  'nurse',
  'health_worker',
  'therapist',
  'case_handler',
  'leader',
]);
const noteText = z.string().trim().min(1, 'Write the note or action').max(1000);

/** POST /api/teams/:id/notes */
export const noteBody = z
  .object({
    kind: z.enum(['note', 'action']),
    text: noteText,
    ownerRole: noteOwner.default('team'),
    dueDate: z.iso.date().optional(),
  })
  .strict();
export type NoteInput = z.infer<typeof noteBody>;

/** PATCH /api/teams/:id/notes/:noteId */
export const notePatchBody = z
  .object({
    /** The note as the writer saw it: a note changed since by someone else gets 409. */
    version: rowVersion,
    text: noteText.optional(),
    ownerRole: noteOwner.optional(),
    dueDate: z.iso.date().nullable().optional(),
    done: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 1, { message: 'Nothing to change' });
export type NotePatch = z.infer<typeof notePatchBody>;

/** A team note or action as the team reads it. */
export const teamNote = z.object({
  id: z.string(),
  kind: z.enum(['note', 'action']),
  text: z.string(),
  ownerRole: noteOwner,
  dueDate: z.string().nullable(),
  done: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});
export type TeamNote = z.infer<typeof teamNote>;
export const notesResponse = z.array(teamNote);

const selfAnswer = z
  .object({ rating: z.number().int().min(1).max(5).nullable(), note: z.string().max(2000).optional() })
  .strict();
/** POST /api/self-assessment: the misconceptions named are saved, the others left as they were. */
export const selfAssessmentBody = z
  .object({ answers: z.partialRecord(z.enum(MISCONCEPTION_IDS), selfAnswer) })
  .strict();

const misconceptionText = z.object({
  title: z.string(),
  explanation: z.string(),
  prompts: z.array(z.string()).readonly(),
});
/** GET and POST /api/self-assessment: the leader's own answers, never another's. */
export const selfAssessmentResponse = z.object({
  items: z.array(z.object({ id: z.string(), nb: misconceptionText, en: misconceptionText })).readonly(),
  answers: z.record(
    z.string(),
    z.object({ rating: z.number().nullable(), note: z.string().nullable(), updatedAt: z.string().nullable() }),
  ),
});
export type SelfAssessment = z.infer<typeof selfAssessmentResponse>;
