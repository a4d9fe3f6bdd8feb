/**
 * Emergency access («break the glass») and its follow-up: every endpoint's input and output.
 * The server validates with these schemas (output through the zod serializer); the web app
 * takes its types.
 */
import { z } from 'zod';

/** POST /api/recipients/:id/emergency-access: the reason is logged and followed up. */
export const emergencyBody = z
  .object({ reason: z.string().trim().min(10, 'Write the reason in at least 10 characters').max(1000) })
  .strict();
export type EmergencyInput = z.input<typeof emergencyBody>;
export const emergencyGrantResponse = z.object({ id: z.string(), expiresAt: z.string() });

/** GET /api/emergency-accesses: open ones (not yet followed up) unless `open=false`. */
export const emergencyListQuery = z.object({ open: z.enum(['true', 'false']).default('true') });
export const emergencyAccessView = z.object({
  id: z.string(),
  userName: z.string(),
  recipientId: z.string(),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  followedUpAt: z.string().nullable(),
  followUpNote: z.string().nullable(),
});
export type EmergencyAccessView = z.infer<typeof emergencyAccessView>;
export const emergencyListResponse = z.array(emergencyAccessView);

/** POST /api/emergency-accesses/:id/follow-up */
export const followUpBody = z.object({ note: z.string().trim().min(3).max(2000) }).strict();
export type FollowUpInput = z.input<typeof followUpBody>;
export const followUpResponse = z.object({ id: z.string(), followedUpAt: z.string() });
