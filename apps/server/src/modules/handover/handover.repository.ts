import type { Handover, HandoverItem, HandoverKind } from '@tillit/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { type AppError, forbidden, notFound } from '../../http/errors.ts';
import { canListTeamRecipients, factColumnsFor, judgeList, refusal, withRecordAccess } from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import { HANDOVER_SOURCES, type SourceItem } from './handover.sources.ts';
import { previousShift, type Shift, shiftAt, shiftWindow } from './handover.shifts.ts';
import { handoverAcks } from './handover.tables.ts';

/**
 * «Rapport», bound to the actor: the team's members read the handover of a shift, built from what
 * was documented in it (handover.sources.ts), and mark each item read. The list names people, so
 * it is judged row by row through the record policy (judgeList: audit rows committed before it
 * leaves); a «Lest» on an item about a person is a `serve` act on that record (withRecordAccess).
 */
export class HandoverRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  private async notMember(action: string, teamId: string, recipientId: string | null) {
    const error = forbidden('not_team_member', 'Only members of the team read its handover');
    if (!recipientId) return refusal(this.db, this.actor, action, error, { teamId });
    await this.db.transaction((tx) =>
      appendAudit(tx, {
        at: new Date(),
        actorUserId: this.actor.userId,
        actorName: this.actor.displayName,
        action,
        recipientId,
        basis: 'denied',
        emergencyAccessId: null,
        details: { teamId, refused: error.code },
      }),
    );
    return error as AppError;
  }

  private async items(teamId: string, shift: Shift): Promise<SourceItem[]> {
    const { from, to } = shiftWindow(shift);
    const found = await Promise.all(HANDOVER_SOURCES.map((s) => s(this.db, { teamId, from, to, date: shift.date })));
    return found.flat();
  }

  /** The handover of a shift; without one, of the shift that ended last (the one the incoming shift takes over from). */
  async read(teamId: string, asked?: Shift): Promise<Handover> {
    if (!canListTeamRecipients(this.actor, teamId)) throw await this.notMember('handover.read', teamId, null);
    const shift = asked ?? previousShift(shiftAt(this.actor.now));
    const items = await this.items(teamId, shift);
    const people = [...new Set(items.map((i) => i.recipientId))];
    const facts = factColumnsFor(this.actor.userId, this.actor.today);
    const factRows = people.length
      ? rowsOf<{ recipientId: string; teams: unknown; emergency: unknown }>(
          await this.db.execute(sql`SELECT r.id AS "recipientId", ${facts.teams} AS teams, ${facts.emergency} AS emergency
                                  FROM recipient r WHERE r.id = ANY(${`{${people.join(',')}}`}::uuid[])`),
        )
      : [];
    const judged = await judgeList(this.db, this.actor, 'handover.read', factRows, { teamId, ...shift });
    const shown = new Set(judged.filter((j) => j.decision.allow).map((j) => j.row.recipientId));
    const visible = items.filter((i) => shown.has(i.recipientId));
    const acks = visible.length
      ? await this.db
          .select({
            kind: handoverAcks.kind,
            key: handoverAcks.sourceKey,
            userId: handoverAcks.userId,
            at: handoverAcks.ackedAt,
          })
          .from(handoverAcks)
          .where(
            and(
              eq(handoverAcks.teamId, teamId),
              inArray(
                handoverAcks.sourceKey,
                visible.map((i) => i.key),
              ),
            ),
          )
      : [];
    const withReads: HandoverItem[] = visible.map((i) => {
      const mine = acks.find((a) => a.kind === i.kind && a.key === i.key && a.userId === this.actor.userId);
      return {
        ...i,
        readAt: mine ? mine.at.toISOString() : null,
        readBy: acks.filter((a) => a.kind === i.kind && a.key === i.key).length,
      };
    });
    const { from, to } = shiftWindow(shift);
    return { ...shift, from: from.toISOString(), to: to.toISOString(), people: groupByPerson(withReads) };
  }

  /**
   * «Lest»: once per user and item (the unique index; a second tap, or two devices at once, find the
   * first row and get its time). The item must be in the team's handover of that shift.
   */
  async markRead(teamId: string, shift: Shift, kind: HandoverKind, key: string) {
    const item = (await this.items(teamId, shift)).find((i) => i.kind === kind && i.key === key);
    if (!canListTeamRecipients(this.actor, teamId))
      throw await this.notMember('handover.markRead', teamId, item?.recipientId ?? null);
    if (!item) throw notFound('Handover item');
    return withRecordAccess(this.db, this.actor, item.recipientId, 'handover.markRead', 'serve', async (tx) => {
      await tx
        .insert(handoverAcks)
        .values({
          teamId,
          recipientId: item.recipientId,
          kind,
          sourceKey: key,
          shiftDate: shift.date,
          shift: shift.shift,
          userId: this.actor.userId,
          ackedAt: this.actor.now,
        })
        .onConflictDoNothing({ target: [handoverAcks.userId, handoverAcks.kind, handoverAcks.sourceKey] });
      const [row] = await tx
        .select({ at: handoverAcks.ackedAt })
        .from(handoverAcks)
        .where(
          and(eq(handoverAcks.userId, this.actor.userId), eq(handoverAcks.kind, kind), eq(handoverAcks.sourceKey, key)),
        );
      return { result: { kind, key, readAt: row.at.toISOString() }, details: { teamId, kind, key } };
    });
  }
}

/** Grouped by person; within a person unread first, then newest first; people with unread items first (SCREENS «Rapport»). */
export function groupByPerson(items: HandoverItem[]): Handover['people'] {
  const byPerson = new Map<string, Handover['people'][number]>();
  for (const i of items) {
    const p = byPerson.get(i.recipientId) ?? { recipientId: i.recipientId, person: i.person, items: [] };
    p.items.push(i);
    byPerson.set(i.recipientId, p);
  }
  const unread = (i: HandoverItem) => (i.readAt ? 1 : 0);
  const people = [...byPerson.values()];
  for (const p of people) p.items.sort((a, b) => unread(a) - unread(b) || b.at.localeCompare(a.at));
  const newest = (p: Handover['people'][number]) => p.items[0].at;
  return people.sort((a, b) => unread(a.items[0]) - unread(b.items[0]) || newest(b).localeCompare(newest(a)));
}
