/**
 * Service decisions (vedtak) within the team's delegated frame, their co-signature and the
 * frames: every endpoint's input and output (the letter is a PDF). The server validates with
 * these schemas (output through the zod serializer); the web app takes its types.
 */
import { z } from 'zod';
import { jsonDate } from './common.ts';

export const serviceTypes = ['hjemmesykepleie', 'praktisk_bistand', 'opplaering', 'trygghetsalarm'] as const;
export const serviceType = z.enum(serviceTypes);
export type ServiceType = z.infer<typeof serviceType>;

/** POST /api/recipients/:id/service-decisions */
export const decisionBody = z
  .object({
    serviceType,
    hoursPerWeek: z.number().min(0).max(168),
    validFrom: z.iso.date(),
    validUntil: z.iso.date().nullable().optional(),
    needsAndWishes: z.string().trim().min(5).max(4000),
    reasons: z.string().trim().min(5).max(4000),
  })
  .strict()
  .refine((d) => !d.validUntil || d.validUntil >= d.validFrom, {
    path: ['validUntil'],
    message: 'The end date must be on or after the start date',
  });
export type DecisionInput = z.infer<typeof decisionBody>;
export type DecisionRequest = z.input<typeof decisionBody>;

/** A decision as made or co-signed (POST …/service-decisions, POST /api/service-decisions/:id/cosign). */
export const serviceDecisionResponse = z.object({
  id: z.string(),
  recipientId: z.string(),
  teamId: z.string(),
  serviceType,
  hoursPerWeek: z.number(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  needsAndWishes: z.string(),
  reasons: z.string(),
  legalBasis: z.string(),
  withinFrame: z.boolean(),
  status: z.enum(['active', 'awaiting_cosign', 'superseded']),
  decidedBy: z.string(),
  decidedAt: jsonDate,
  cosignedBy: z.string().nullable(),
  cosignedAt: jsonDate.nullable(),
});
export type ServiceDecisionResult = z.infer<typeof serviceDecisionResponse>;

/** A decision as the care record lists it (GET /api/recipients/:id/care → serviceDecisions); decidedBy is a name. */
export const serviceDecisionSummary = z.object({
  id: z.string(),
  serviceType,
  hoursPerWeek: z.number(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  status: z.enum(['active', 'awaiting_cosign']),
  withinFrame: z.boolean(),
  decidedBy: z.string(),
});
export type ServiceDecision = z.infer<typeof serviceDecisionSummary>;

/** GET /api/teams/:id/frames: how many hours a week per person the team may grant on its own, per service. */
export const framesResponse = z.array(z.object({ teamId: z.string(), serviceType, maxHoursPerWeek: z.number() }));
export type TeamFrame = z.infer<typeof framesResponse>[number];
