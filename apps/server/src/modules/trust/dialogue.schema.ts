import { z } from 'zod';
import { MISCONCEPTION_IDS } from './selfassessment.items.ts';
import { rowVersion } from '@tillit/contracts';

export const teamParams = z.object({ id: z.uuid() });
export const noteParams = z.object({ id: z.uuid(), noteId: z.uuid() });

const owner = z.enum(['team', 'coordinator', 'nurse', 'health_worker', 'therapist', 'case_handler', 'leader']);
const noteText = z.string().trim().min(1, 'Write the note or action').max(1000);

export const noteBody = z
  .object({
    kind: z.enum(['note', 'action']),
    text: noteText,
    ownerRole: owner.default('team'),
    dueDate: z.iso.date().optional(),
  })
  .strict();
export type NoteInput = z.infer<typeof noteBody>;

export const notePatchBody = z
  .object({
    /** The note as the writer saw it: a note changed since by someone else gets 409. */
    version: rowVersion,
    text: noteText.optional(),
    ownerRole: owner.optional(),
    dueDate: z.iso.date().nullable().optional(),
    done: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 1, { message: 'Nothing to change' });
export type NotePatch = z.infer<typeof notePatchBody>;

const selfAnswer = z
  .object({ rating: z.number().int().min(1).max(5).nullable(), note: z.string().max(2000).optional() })
  .strict();
export const selfAssessmentBody = z
  .object({ answers: z.partialRecord(z.enum(MISCONCEPTION_IDS), selfAnswer) })
  .strict();

/** A period for the comparison: it must end on or after its start and be at most about a year. */
export const periodQuery = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((p) => p.to >= p.from, { path: ['to'], message: 'The period must end on or after its start' })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= 400 * 86_400_000, {
    path: ['to'],
    message: 'The period can be at most 400 days',
  });
