import { describe, expect, it } from 'vitest';
import { recipientPatch } from './recipients.schema.ts';

describe('change of a person served', () => {
  it('refuses a version beyond the integer column, naming version (found by the fuzzer: it was a 500)', () => {
    const r = recipientPatch.safeParse({ version: 3_021_892_944_751_535, city: 'Oslo' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['version']);
    expect(recipientPatch.safeParse({ version: 2_147_483_647, city: 'Oslo' }).success).toBe(true);
  });
});
