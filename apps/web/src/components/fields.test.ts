import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resources } from '../i18n/resources.ts';
import { plainProblem } from './fields.tsx';

// The same texts the app uses, in an instance of its own.
const i18n = i18next.createInstance();
await i18n.init({ resources, lng: 'nb', interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n) as Parameters<typeof plainProblem>[0];

/** The problem the server sends for `value` against `schema`: zod's code and message, as errors.ts passes them on. */
const problem = (schema: z.ZodType, value: unknown) => {
  const issue = schema.safeParse(value).error!.issues[0];
  return { field: 'x', code: issue.code, message: issue.message };
};

describe('field problems in plain words (WCAG 3.3.1, 3.3.3)', () => {
  it('says an empty required text must be filled in, not «for kort eller for lite»', () => {
    expect(plainProblem(t, problem(z.string().trim().min(1), '  '))).toBe('må fylles ut');
    expect(plainProblem(t, problem(z.object({ a: z.string() }), {}))).toBe('må fylles ut');
  });

  it('names the limit of a text, a number and a list', () => {
    expect(plainProblem(t, problem(z.string().min(8), 'abc'))).toBe('må ha minst 8 tegn');
    expect(plainProblem(t, problem(z.string().max(100), 'x'.repeat(101)))).toBe('kan ha høyst 100 tegn');
    expect(plainProblem(t, problem(z.number().min(30), 12))).toBe('må være minst 30');
    expect(plainProblem(t, problem(z.number().max(300), 400))).toBe('kan være høyst 300');
    expect(plainProblem(t, problem(z.array(z.string()).min(1), []))).toBe('velg minst 1');
  });

  it('keeps the words of a domain code', () => {
    expect(plainProblem(t, { field: 'nationalId', code: 'nationalId.checkDigit1', message: '' })).toBe(
      'Første kontrollsiffer stemmer ikke.',
    );
  });

  it('speaks English in English', async () => {
    await i18n.changeLanguage('en');
    expect(plainProblem(t, problem(z.string().trim().min(1), ''))).toBe('is required');
    await i18n.changeLanguage('nb');
  });
});
