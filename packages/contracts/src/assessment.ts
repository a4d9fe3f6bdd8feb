/**
 * The functional assessment (IPLOS) and what is derived from it: every endpoint's input and
 * output. The server validates with these schemas; the web app takes its types. The leaders'
 * statistics and the equal-treatment indicator carry counts and hours only, never a person, and
 * a cell under five people leaves as `null` (shown as «færre enn 5»).
 */
import { z } from 'zod';
import { type AssessmentItem, assessmentItems } from './assessment.items.ts';
import { jsonDate } from './common.ts';
import { serviceTypes } from './decisions.ts';

export const assessmentReasons = ['first', 'condition_change', 'review'] as const;
export const assessmentReason = z.enum(assessmentReasons);
export type AssessmentReason = z.infer<typeof assessmentReason>;

export const assessmentScore = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal(9),
]);

/** All 17 items, each scored: a missing item is a 400 naming `scores.<item>`. */
export const assessmentScoreSet = z
  .object(
    Object.fromEntries(assessmentItems.map((item) => [item, assessmentScore])) as Record<
      AssessmentItem,
      typeof assessmentScore
    >,
  )
  .strict();
export type AssessmentScores = z.infer<typeof assessmentScoreSet>;

/**
 * POST /api/recipients/:id/assessments. `id` is made by the form once, so a double submit (or
 * two tabs) stores the assessment once. Not with the person: `note` says why. A date in the
 * future is refused by the server (it knows today), naming `assessedOn`.
 */
export const assessmentBody = z
  .object({
    id: z.uuid().optional(),
    assessedOn: z.iso.date(),
    withPerson: z.boolean(),
    reason: assessmentReason,
    conditionChangeId: z.uuid().optional(),
    note: z.string().trim().max(2000).optional(),
    scores: assessmentScoreSet,
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!b.withPerson && !b.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Say why the person did not take part' });
    if (b.reason === 'condition_change' && !b.conditionChangeId)
      ctx.addIssue({ code: 'custom', path: ['conditionChangeId'], message: 'Name the change in condition' });
  });
export type AssessmentInput = z.infer<typeof assessmentBody>;

export const assessmentView = z.object({
  id: z.string(),
  assessedOn: z.string(),
  assessedBy: z.string(),
  withPerson: z.boolean(),
  reason: assessmentReason,
  note: z.string().nullable(),
  conditionChangeId: z.string().nullable(),
  createdAt: jsonDate,
  scores: z.record(z.string(), z.number()),
  /** Items scored 3–5 (the person needs help with them): the basis of the level band. */
  needItems: z.number(),
  band: z.enum(['little', 'moderate', 'extensive']),
});
export type AssessmentView = z.infer<typeof assessmentView>;

export const assessmentListResponse = z.object({
  /** Newest first; the first is the one in force. */
  assessments: z.array(assessmentView),
  /** What changed from the previous assessment to the one in force. */
  changes: z.array(z.object({ item: z.enum(assessmentItems), from: z.number(), to: z.number() })),
  /** A flagged change in condition newer than the latest assessment: «Ny funksjonsvurdering?». */
  prompt: z.object({ conditionChangeId: z.string(), text: z.string(), createdAt: jsonDate }).nullable(),
});
export type AssessmentList = z.infer<typeof assessmentListResponse>;

export const assessmentCreated = z.object({ id: z.string() });

export const levelBands = ['little', 'moderate', 'extensive', 'unassessed'] as const;
export type LevelBand = (typeof levelBands)[number];

/** A count or hours; `null` when fewer than five people stand behind it (or it would reveal one that does). */
const cell = z.number().nullable();

export const leaderStatsQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
export const leaderStatsGroup = z.object({
  level: z.enum(['team', 'district', 'municipality']),
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  people: cell,
  bands: z.object(Object.fromEntries(levelBands.map((b) => [b, cell])) as Record<LevelBand, typeof cell>),
  hoursPerWeek: z.object(
    Object.fromEntries(serviceTypes.map((s) => [s, cell])) as Record<(typeof serviceTypes)[number], typeof cell>,
  ),
  newAssessments: cell,
});
export type LeaderStatsGroup = z.infer<typeof leaderStatsGroup>;
export const leaderStatsResponse = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  groups: z.array(leaderStatsGroup),
});
export type LeaderStats = z.infer<typeof leaderStatsResponse>;

export const equalTreatmentQuery = z.object({ on: z.iso.date().optional() });
export const equalTreatmentResponse = z.object({
  on: z.string(),
  teams: z.array(
    z.object({
      teamId: z.string(),
      teamName: z.string(),
      bands: z.array(
        z.object({
          band: z.enum(levelBands),
          /** People with a decision in force in the band; null under five. */
          people: cell,
          /** Decided hours per week per person (mean and median); null under five. */
          meanHours: cell,
          medianHours: cell,
        }),
      ),
    }),
  ),
});
export type EqualTreatment = z.infer<typeof equalTreatmentResponse>;
