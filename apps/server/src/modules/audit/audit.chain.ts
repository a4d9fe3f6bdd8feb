import { createHash } from 'node:crypto';

/** What an audit row says, before it gets its place in the chain. */
export interface AuditEntry {
  at: Date;
  actorUserId: string | null;
  actorName: string;
  action: string;
  recipientId: string | null;
  basis: 'care_relation' | 'emergency' | 'team_level' | 'admin' | 'denied' | 'portal';
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
  return createHash('sha256')
    .update(previousHash + canonical, 'utf8')
    .digest('hex');
}

export type VerifyResult =
  | { ok: true; rows: number }
  | {
      ok: false;
      rows: number;
      /**
       * Global seq of the first row that no longer links: the edited row, or the row right
       * after a deleted one; null when the newest rows of the chain were removed.
       */
      firstBrokenSeq: number | null;
      /** Position in the chain where the break is. */
      chainSeq: number;
      reason: 'hash_mismatch' | 'missing_row' | 'head_mismatch';
    };

/**
 * Walks one chain's rows in chainSeq order and recomputes the hashes. Reports the first row
 * whose stored hash does not follow (an edited row), a gap in chainSeq (a deleted row), or a
 * head that points past the last row (the newest rows deleted).
 */
export async function verifyChain(
  rows: AsyncIterable<AuditEntry & { seq: number; chainSeq: number; hash: string }>,
  head: { chainSeq: number; hash: string },
): Promise<VerifyResult> {
  let previous = GENESIS_HASH;
  let expected = 1;
  let count = 0;
  for await (const row of rows) {
    if (row.chainSeq !== expected)
      return { ok: false, rows: count, firstBrokenSeq: row.seq, chainSeq: expected, reason: 'missing_row' };
    const hash = chainHash(previous, canonicalText(row));
    if (hash !== row.hash)
      return { ok: false, rows: count, firstBrokenSeq: row.seq, chainSeq: expected, reason: 'hash_mismatch' };
    previous = row.hash;
    expected++;
    count++;
  }
  if (head.chainSeq !== expected - 1 || head.hash !== previous) {
    return { ok: false, rows: count, firstBrokenSeq: null, chainSeq: expected, reason: 'head_mismatch' };
  }
  return { ok: true, rows: count };
}
