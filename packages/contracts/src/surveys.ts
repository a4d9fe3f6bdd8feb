/**
 * The survey of the people served, the staff pulse and the reform barometer: every endpoint's
 * input and output. The server validates with these schemas (output through the zod
 * serializer, so nothing leaves that is not declared here); the web app takes its types.
 */
import { z } from 'zod';
import { PULSE_ITEMS } from './pulse.items.ts';
import { SURVEY_ITEMS } from './surveys.items.ts';

export { PULSE_ITEMS } from './pulse.items.ts';
export { MIN_GROUP, SURVEY_ITEMS, type SurveyItemId } from './surveys.items.ts';

export const surveyChannel = z.enum(['tablet', 'link', 'phone']);

/** POST /api/recipients/:id/survey-links */
export const inviteBody = z.object({ channel: surveyChannel }).strict();
export const inviteResponse = z.object({ token: z.string(), path: z.string(), expiresAt: z.string() });

export const tokenParams = z.object({ token: z.string().regex(/^[\w-]{20,100}$/, 'Not a survey link') });

/** An item's wording in both languages, as the pages show it. */
export const itemText = z.object({ id: z.string(), nb: z.string(), en: z.string() });
export type ItemText = z.infer<typeof itemText>;

/** GET /api/surveys/:token: the form, nothing about the person. */
export const surveyFormResponse = z.object({ channel: surveyChannel, items: z.array(itemText) });
export type SurveyForm = z.infer<typeof surveyFormResponse>;

/** 1–5, or null for «vet ikke»; an item left out was not answered. */
const scale = z.union([z.number().int().min(1).max(5), z.null()]).optional();

/** An answer that says nothing (no item, no text) is refused: it must not use up a link or a receipt. */
const notEmpty = {
  message: 'Answer at least one question before sending',
  path: ['answers'],
  params: { problem: 'empty' },
};

/** POST /api/surveys/:token */
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
export type AnswerInput = z.infer<typeof answerBody>;
export const okResponse = z.object({ ok: z.literal(true) });

export const quarterQuery = z.object({ quarter: z.string().regex(/^\d{4}Q[1-4]$/, 'Choose a quarter such as 2026Q4') });

/** GET /api/pulse and GET /api/survey-items */
export const pulseItemsResponse = z.object({ items: z.array(itemText) });
export const surveyItemsResponse = z.array(itemText);

/** POST /api/pulse */
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
export const pulseAnswerResponse = z.object({ ok: z.literal(true), quarter: z.string() });

const groupHead = { name: z.string().nullable(), level: z.enum(['team', 'leader']) };

/** GET /api/barometer: a running quarter shows nothing but when it closes; small groups are suppressed. */
export const barometerResponse = z.object({
  quarter: z.string(),
  minimum: z.number(),
  items: z.array(itemText.extend({ kind: z.enum(['experience', 'barrier']) })),
  open: z.boolean(),
  closesOn: z.string().optional(),
  groups: z.array(
    z.union([
      z.object({ ...groupHead, suppressed: z.literal(true) }),
      z.object({
        ...groupHead,
        suppressed: z.literal(false),
        responses: z.number(),
        means: z.record(z.string(), z.number().nullable()),
      }),
    ]),
  ),
});
export type Barometer = z.infer<typeof barometerResponse>;

/** GET /api/teams/:id/survey-results: one closed quarter, suppressed under MIN_GROUP answers. */
export const surveyResultsResponse = z.union([
  z.object({ quarter: z.string(), open: z.literal(true), closesOn: z.string() }),
  z.object({ quarter: z.string(), suppressed: z.literal(true), minimum: z.number() }),
  z.object({
    quarter: z.string(),
    suppressed: z.literal(false),
    responses: z.number(),
    items: z.array(
      z.object({
        id: z.string(),
        answered: z.number(),
        dontKnow: z.number(),
        mean: z.number().nullable(),
        distribution: z.array(z.number()),
      }),
    ),
    /** The text only for the team's own members; leaders and administrators get the themes. */
    openAnswers: z.array(z.string()).nullable(),
    themes: z.array(z.object({ id: z.string(), count: z.number() })),
  }),
]);
export type SurveyResults = z.infer<typeof surveyResultsResponse>;
