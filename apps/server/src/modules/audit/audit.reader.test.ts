import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { AuditReader } from './audit.reader.ts';

const actor = (role: Actor['role']): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'U',
  role,
  staffId: role === 'member' ? 's' : null,
  districtId: 'd1',
  teamIds: role === 'member' ? ['t1'] : [],
  now: new Date('2026-12-02T10:00:00Z'),
  today: '2026-12-02',
});

/** A database that fails the test if anyone touches it: a refusal must come before any read. */
const untouchable = new Proxy({} as Db, {
  get: (_, key) => {
    throw new Error(`the database was used (${String(key)}) before the policy refused`);
  },
});

describe('AuditReader (the audit log bound to the actor)', () => {
  it.each(['member', 'leader'] as const)('refuses a %s in the data layer, before reading', async (role) => {
    const reader = new AuditReader(untouchable, actor(role));
    expect(() => reader.list({ limit: 10 })).toThrow(expect.objectContaining({ status: 403, code: 'admin_only' }));
    expect(() => reader.verify()).toThrow(expect.objectContaining({ status: 403, code: 'admin_only' }));
  });
});
