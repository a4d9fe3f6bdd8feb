import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mutate, pathsOf, setAt } from './mutations.ts';
import { encodeLoose, reshapePath } from './requests.ts';
import { arbitraryFor, jsonSchemaOf } from './schema-arbitrary.ts';

describe('the fuzzer’s building blocks', () => {
  it('writes the paths a careless gate misreads', () => {
    expect(reshapePath('/api/teams', 'encoded-letter', 0)).toBe('/%61pi/teams');
    expect(reshapePath('/api/teams', 'double-encoded', 0)).toBe('/%2561pi/teams');
    expect(reshapePath('/api/teams', 'double-slash', 1)).toBe('/api//teams');
    expect(reshapePath('/api/teams', 'encoded-slash', 0)).toBe('/api%2Fteams');
  });

  it('percent-encodes lone surrogates as the invalid UTF-8 a careless encoder writes', () => {
    expect(encodeLoose('a\uD800b')).toBe('a%ED%A0%80b');
    expect(encodeLoose('🧑 ø')).toBe(encodeURIComponent('🧑 ø'));
  });

  it('breaks one part of a body and leaves the rest', () => {
    const value = { name: 'Kari', nested: { note: 'ok' } };
    expect(pathsOf(value)).toEqual([[], ['name'], ['nested'], ['nested', 'note']]);
    expect(setAt(value, ['nested', 'note'], undefined)).toEqual({ name: 'Kari', nested: {} });
    const deep = mutate(value, 'deep-nesting', 4 * 1);
    expect(String(deep.raw)).toBe(`${'['.repeat(1_000)}${']'.repeat(1_000)}`);
    const wrong = JSON.parse(String(mutate(value, 'wrong-type', 1).raw));
    expect(wrong.name).not.toBe('Kari');
  });

  it('builds values from a route’s zod schema that mostly pass it', () => {
    const schema = z
      .object({ teamId: z.uuid(), day: z.iso.date(), count: z.number().int().min(1).max(9), note: z.string().max(20) })
      .strict();
    const ctx = { idFor: () => fc.uuid(), today: '2026-12-02' };
    const values = fc.sample(arbitraryFor(jsonSchemaOf(schema), ctx), { seed: 1, numRuns: 50 });
    expect(values.filter((v) => schema.safeParse(v).success).length).toBeGreaterThan(40);
  });
});
