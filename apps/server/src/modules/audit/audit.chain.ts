import { createHash } from 'node:crypto';

/** What an audit row says, before it gets its place in the chain. */
export interface AuditEntry {
  at: Date;
  actorUserId: string | null;
  actorName: string;
  action: string;
  recipientId: string | null;
  basis: 'care_relation' | 'emergency' | 'team_level' | 'admin' | 'denied';
  emergencyAccessId: string | null;
  details: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb's own key order cannot change the text. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The exact text that is hashed for a row; verify rebuilds it from the stored columns. */
export function canonicalText(e: AuditEntry): string {
  return stableJson([
    e.at.toISOString(),
    e.actorUserId,
    e.actorName,
    e.action,
    e.recipientId,
    e.basis,
    e.emergencyAccessId,
    e.details,
  ]);
}

/** hash(n) = SHA-256(hash(n-1) ‖ canonical text of row n), hex. Mirrors the SQL in audit.repository.ts. */
export function chainHash(previousHash: string, canonical: string): string {
  return createHash('sha256').update(previousHash + canonical, 'utf8').digest('hex');
}

export type VerifyResult =
  | { ok: true; rows: number; lastSeq: number }
  | { ok: false; rows: number; firstBrokenSeq: number; reason: 'hash_mismatch' | 'missing_row' | 'head_mismatch' };

/**
 * Walks rows in seq order and recomputes the chain. Reports the first row whose stored hash
 * does not follow (an edited row), a gap in seq (a deleted row), or a head that points past
 * the last row (deleted newest rows).
 */
export async function verifyChain(
  rows: AsyncIterable<AuditEntry & { seq: number; hash: string }>,
  head: { seq: number; hash: string },
  onProgress?: (seq: number) => void,
): Promise<VerifyResult> {
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for await (const row of rows) {
    if (row.seq !== expectedSeq) return { ok: false, rows: count, firstBrokenSeq: expectedSeq, reason: 'missing_row' };
    const hash = chainHash(previous, canonicalText(row));
    if (hash !== row.hash) return { ok: false, rows: count, firstBrokenSeq: row.seq, reason: 'hash_mismatch' };
    previous = row.hash;
    expectedSeq++;
    count++;
    if (onProgress && count % 5000 === 0) onProgress(row.seq);
  }
  if (head.seq !== expectedSeq - 1 || head.hash !== previous) {
    return { ok: false, rows: count, firstBrokenSeq: expectedSeq, reason: 'head_mismatch' };
  }
  return { ok: true, rows: count, lastSeq: expectedSeq - 1 };
}
