import { describe, expect, it } from 'vitest';
import { canonicalText, chainHash, GENESIS_HASH, stableJson, verifyChain, type AuditEntry } from './audit.chain.ts';

function entry(i: number): AuditEntry {
  return {
    at: new Date(Date.UTC(2026, 0, 1, 8, 0, i)),
    actorUserId: null,
    actorName: 'test',
    action: 'record.read',
    recipientId: null,
    basis: 'care_relation',
    emergencyAccessId: null,
    details: { b: 1, a: [i] },
  };
}

function chain(n: number) {
  const rows = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = entry(i);
    prev = chainHash(prev, canonicalText(e));
    rows.push({ ...e, seq: i * 10, chainSeq: i, hash: prev });
  }
  return rows;
}

async function* iterate<T>(rows: T[]) {
  yield* rows;
}

describe('audit chain', () => {
  it('sorts keys so jsonb key order does not matter', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('accepts an intact chain', async () => {
    const rows = chain(5);
    expect(await verifyChain(iterate(rows), { chainSeq: 5, hash: rows[4].hash })).toEqual({ ok: true, rows: 5 });
  });

  it('names the first edited row', async () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], actorName: 'someone else' };
    expect(await verifyChain(iterate(rows), { chainSeq: 5, hash: rows[4].hash })).toMatchObject({
      ok: false,
      firstBrokenSeq: 30,
      chainSeq: 3,
      reason: 'hash_mismatch',
    });
  });

  it('names the row after a deleted one', async () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(await verifyChain(iterate(rows), { chainSeq: 5, hash: rows[3].hash })).toMatchObject({
      ok: false,
      firstBrokenSeq: 30,
      chainSeq: 2,
      reason: 'missing_row',
    });
  });

  it('notices that the newest row was removed', async () => {
    const rows = chain(5);
    const head = { chainSeq: 5, hash: rows[4].hash };
    rows.pop();
    expect(await verifyChain(iterate(rows), head)).toMatchObject({
      ok: false,
      firstBrokenSeq: null,
      chainSeq: 5,
      reason: 'head_mismatch',
    });
  });
});
