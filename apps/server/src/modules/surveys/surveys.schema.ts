import { z } from 'zod';
import { PULSE_ITEMS } from './pulse.items.ts';
import { SURVEY_ITEMS } from './surveys.items.ts';

export const inviteBody = z.object({ channel: z.enum(['tablet', 'link', 'phone']) }).strict();
export const tokenParams = z.object({ token: z.string().regex(/^[\w-]{20,100}$/, 'Not a survey link') });

/** 1–5, or null for «vet ikke»; an item left out was not answered. */
const scale = z.union([z.number().int().min(1).max(5), z.null()]).optional();

/** An answer that says nothing (no item, no text) is refused: it must not use up a link or a receipt. */
const notEmpty = {
  message: 'Answer at least one question before sending',
  path: ['answers'],
  params: { problem: 'empty' },
};

export const answerBody = z
  .object({
    respondent: z.enum(['person', 'next_of_kin']),
    answers: z
      .object(
        Object.fromEntries(SURVEY_ITEMS.map((i) => [i.id, scale])) as Record<
          (typeof SURVEY_ITEMS)[number]['id'],
          typeof scale
        >,
      )
      .strict(),
    openAnswer: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b.answers).length > 0 || Boolean(b.openAnswer), notEmpty);
export const quarterQuery = z.object({ quarter: z.string().regex(/^\d{4}Q[1-4]$/, 'Choose a quarter such as 2026Q4') });
export type AnswerInput = z.infer<typeof answerBody>;

export const pulseBody = z
  .object({
    answers: z
      .object(
        Object.fromEntries(PULSE_ITEMS.map((i) => [i.id, scale])) as Record<
          (typeof PULSE_ITEMS)[number]['id'],
          typeof scale
        >,
      )
      .strict(),
  })
  .strict()
  .refine((b) => Object.keys(b.answers).length > 0, notEmpty);
