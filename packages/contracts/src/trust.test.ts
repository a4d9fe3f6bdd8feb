import { describe, expect, it } from 'vitest';
import { notePatchBody } from './trust.ts';

describe('a team note change', () => {
  it('refuses a version beyond the integer column, naming version (found by the fuzzer: it was a 500)', () => {
    const r = notePatchBody.safeParse({ version: 3_216_558_537_535_237, done: true });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['version']);
    expect(notePatchBody.safeParse({ version: 2_147_483_647, done: true }).success).toBe(true);
  });
});
