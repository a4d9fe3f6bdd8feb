/**
 * «Teamtavla»: what a self-governing team looks at in its daily meeting, and taking or closing a
 * change-in-condition card. Every endpoint's input and output; the server validates with these
 * schemas (output through the zod serializer), the web app takes its types.
 */
import { z } from 'zod';
import { jsonDate } from './common.ts';

const card = { recipientId: z.string(), person: z.string(), since: jsonDate };

/** GET /api/teams/:id/board */
export const boardResponse = z.object({
  conditionChanges: z.array(z.object({ ...card, id: z.string(), text: z.string(), takenBy: z.string().nullable() })),
  newPeople: z.array(z.object(card)),
  reviewsDue: z.array(z.object({ ...card, id: z.string(), text: z.string() })),
  measuresNotDone: z.array(z.object({ ...card, id: z.string(), text: z.string() })),
  unstaffedVisits: z.array(z.object({ ...card, id: z.string(), windowStart: z.number() })),
  awaitingCosign: z.array(z.object({ ...card, id: z.string(), text: z.string(), decidedBy: z.string() })),
});
export type Board = z.infer<typeof boardResponse>;
/** The board as the server's queries give it (moments may still be Date objects). */
export type BoardRows = z.input<typeof boardResponse>;

/** POST /api/condition-changes/:id/close (taking one has no body). */
export const closeBody = z.object({ note: z.string().trim().min(2).max(1000) }).strict();
export type CloseRequest = z.input<typeof closeBody>;
/** POST /api/condition-changes/:id/take and …/close: who took it, and when it was closed. */
export const conditionChangeResponse = z.object({
  id: z.string(),
  takenBy: z.string().nullable(),
  closedAt: jsonDate.nullable(),
});
