import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('password storage (ASVS 2.4.1, 2.4.2)', () => {
  it('stores argon2id with 19 MiB, 2 passes and a fresh 128-bit salt per hash', async () => {
    const a = await hashPassword('korrekt hest batteri stift');
    const b = await hashPassword('korrekt hest batteri stift');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const salt = (phc: string) => phc.split('$')[4];
    expect(Buffer.from(salt(a), 'base64').length).toBeGreaterThanOrEqual(16);
    expect(salt(a)).not.toBe(salt(b));
  });

  it('checks the whole password: no truncation, spaces and any Unicode count (ASVS 2.1.3, 2.1.4)', async () => {
    const long = `${'å'.repeat(100)} 🔐 end`;
    const phc = await hashPassword(long);
    expect(await verifyPassword(phc, long)).toBe(true);
    expect(await verifyPassword(phc, long.slice(0, -1))).toBe(false);
    expect(await verifyPassword(phc, long.replace(' ', ''))).toBe(false);
    expect(await verifyPassword('not a hash', long)).toBe(false);
  });
});
