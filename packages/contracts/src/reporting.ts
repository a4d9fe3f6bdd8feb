/**
 * The reporting register («meningssamlingen»): reports, forms and rules that cost time, the hours
 * the teams estimate they cost, and what leaders and teams decided together. The server validates
 * with these schemas; the web app takes its types.
 */
import { z } from 'zod';
import { rowVersion } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
/** Hours per month, to one decimal. */
const hours = z.number().min(0).max(10_000);

export const reportingKinds = ['report', 'form', 'rule'] as const;
export const reportingOutcomes = ['keep', 'simplify', 'derive', 'remove'] as const;

/** POST /api/reporting: name a report, a form or a rule that costs time (and, optionally, your team's estimate). */
export const reportingItemBody = z.object({
  title: text(200),
  kind: z.enum(reportingKinds),
  askedBy: text(200),
  informs: text(1000),
  legalBasis: text(300).optional(),
  estimate: z.object({ teamId: z.uuid(), hoursPerMonth: hours }).optional(),
});
export type ReportingItemInput = z.infer<typeof reportingItemBody>;

export const reportingItemParams = z.object({ id: z.uuid() });
export const reportingEstimateParams = z.object({ id: z.uuid(), teamId: z.uuid() });

/** POST /api/reporting/:id/estimates/:teamId: the team's hours per month (replaces its earlier estimate). */
export const reportingEstimateBody = z.object({ hoursPerMonth: hours });

/** POST /api/reporting/:id/proposal: one side proposes what to do; `hoursAfter` only for a simplification. */
export const reportingProposalBody = z.object({
  outcome: z.enum(reportingOutcomes),
  reason: text(2000),
  hoursAfter: hours.optional(),
  version: rowVersion,
});
export type ReportingProposalInput = z.infer<typeof reportingProposalBody>;

/** POST /api/reporting/:id/confirm: the other side agrees, and the decision stands. */
export const reportingConfirmBody = z.object({ version: rowVersion });

export const reportingItem = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(reportingKinds),
  askedBy: z.string(),
  informs: z.string(),
  legalBasis: z.string().nullable(),
  namedAt: z.string(),
  status: z.enum(['open', 'proposed', 'decided']),
  outcome: z.enum(reportingOutcomes).nullable(),
  reason: z.string().nullable(),
  /** The side that proposed, so the other side knows it is theirs to confirm. */
  proposedBySide: z.enum(['team', 'leadership']).nullable(),
  decidedAt: z.string().nullable(),
  hoursNow: z.number(),
  hoursAfter: z.number().nullable(),
  estimates: z.array(z.object({ teamId: z.string(), teamName: z.string(), hoursPerMonth: z.number() })),
  version: z.number(),
});
export type ReportingItem = z.infer<typeof reportingItem>;

/** GET /api/reporting */
export const reportingRegister = z.object({
  items: z.array(reportingItem),
  totals: z.object({ hoursNamed: z.number(), hoursSaved: z.number(), hoursLeft: z.number() }),
});
export type ReportingRegister = z.infer<typeof reportingRegister>;
