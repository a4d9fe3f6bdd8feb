/**
 * «Rapport» — the handover at the change of shift, built from the shift's documentation: every
 * endpoint's input and output. The web app takes its types from here.
 */
import { z } from 'zod';

export const SHIFTS = ['day', 'evening', 'night'] as const;
export const shiftName = z.enum(SHIFTS);
export type ShiftName = z.infer<typeof shiftName>;

/** Where an item comes from (handover.sources.ts on the server lists them). */
export const HANDOVER_KINDS = [
  'condition_change',
  'measure_not_done',
  'visit_cancelled',
  'new_person',
  'note',
  'dose_not_given',
] as const;
export const handoverKind = z.enum(HANDOVER_KINDS);
export type HandoverKind = z.infer<typeof handoverKind>;

/** GET /api/teams/:id/handover?date&shift — without them, the shift that ended last. */
export const handoverQuery = z
  .object({ date: z.iso.date().optional(), shift: shiftName.optional() })
  .refine((q) => (q.date === undefined) === (q.shift === undefined), {
    message: 'Give both date and shift, or neither',
    path: ['shift'],
  });

export const handoverItem = z.object({
  kind: handoverKind,
  /** The source row (for a measure not done: visit and measure). */
  key: z.string(),
  recipientId: z.uuid(),
  person: z.string(),
  at: z.string(),
  text: z.string(),
  /** Who documented it, where the source says. */
  by: z.string().nullable(),
  /** When I read it; null while unread. */
  readAt: z.string().nullable(),
  /** How many of the team have read it. */
  readBy: z.number().int(),
});
export type HandoverItem = z.infer<typeof handoverItem>;

export const handoverResponse = z.object({
  date: z.string(),
  shift: shiftName,
  from: z.string(),
  to: z.string(),
  /** Grouped by person, unread first within the page (SCREENS «Rapport»). */
  people: z.array(z.object({ recipientId: z.uuid(), person: z.string(), items: z.array(handoverItem) })),
});
export type Handover = z.infer<typeof handoverResponse>;

/** POST /api/teams/:id/handover/read — «Lest». */
export const handoverReadBody = z
  .object({ date: z.iso.date(), shift: shiftName, kind: handoverKind, key: z.string().min(1).max(100) })
  .strict();
export const handoverReadResponse = z.object({ kind: handoverKind, key: z.string(), readAt: z.string() });
