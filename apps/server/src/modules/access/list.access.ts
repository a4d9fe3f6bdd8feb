/**
 * Lists that name several people («Min dag», plan-change notices) read through the record
 * policy row by row: each row carries its person's policy facts (`factColumnsFor`), the policy
 * decides, and the audit rows say truthfully on what basis each person was shown — one row for
 * those shown under the care relation, one per emergency access, and one for those withheld.
 * Nothing leaves before its audit rows are committed.
 */
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import type { AuditEntry } from '../audit/index.ts';
import { auditWriterFor } from '../audit/index.ts';
import { parseFacts } from './access.repository.ts';
import { decideRecordAccess, type Decision } from './access.policy.ts';

export interface FactRow {
  recipientId: string;
  teams: unknown;
  emergency: unknown;
}

export type Judged<T> = { row: T; decision: Decision };

export async function judgeList<T extends FactRow>(
  db: Db,
  actor: Actor,
  action: string,
  rows: T[],
  details: Record<string, unknown> = {},
): Promise<Judged<T>[]> {
  const judged = rows.map((row) => ({ row, decision: decideRecordAccess(actor, parseFacts(row), 'read') }));
  const base = { actorUserId: actor.userId, actorName: actor.displayName, action };
  const people = (pick: (d: Decision) => boolean) => [
    ...new Set(judged.filter((j) => pick(j.decision)).map((j) => j.row.recipientId)),
  ];
  const entries: AuditEntry[] = [];
  const shown = people((d) => d.allow && d.basis === 'care_relation');
  if (shown.length)
    entries.push({
      ...base,
      at: new Date(),
      recipientId: null,
      basis: 'care_relation',
      emergencyAccessId: null,
      details: { ...details, recipients: shown },
    });
  const emergencies = new Map<string, Extract<Decision, { basis: 'emergency' }> & { recipientId: string }>();
  for (const j of judged)
    if (j.decision.allow && j.decision.basis === 'emergency')
      emergencies.set(j.decision.emergencyAccessId, { ...j.decision, recipientId: j.row.recipientId });
  for (const e of emergencies.values())
    entries.push({
      ...base,
      at: new Date(),
      recipientId: e.recipientId,
      basis: 'emergency',
      emergencyAccessId: e.emergencyAccessId,
      details: { ...details, emergencyReason: e.reason },
    });
  const withheld = people((d) => !d.allow);
  if (withheld.length)
    entries.push({
      ...base,
      at: new Date(),
      recipientId: null,
      basis: 'denied',
      emergencyAccessId: null,
      details: {
        ...details,
        recipients: withheld,
        refused: [...new Set(judged.flatMap((j) => (j.decision.allow ? [] : [j.decision.code])))],
      },
    });
  const writer = auditWriterFor(db);
  await Promise.all(entries.map((e) => writer.append(e)));
  return judged;
}
