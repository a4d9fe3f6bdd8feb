import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, conflict, notFound } from '../../http/errors.ts';
import { withRecordAccess } from '../access/index.ts';
import { pillOrganiserFills } from './medicines.tables.ts';
import { assertDelegation } from './medicines.sql.ts';

/**
 * Filling a pill organiser (dosett) is its own task: the filler signs, and a second person with
 * a valid delegation checks it before the doses in it are given. One fill per person and start date.
 */
export class FillRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  fill(recipientId: string, input: { periodFrom: string; periodTo: string; note?: string }) {
    return withRecordAccess(this.db, this.actor, recipientId, 'pillOrganiser.fill', 'write', async (tx) => {
      await assertDelegation(tx, this.actor);
      const [row] = await tx
        .insert(pillOrganiserFills)
        .values({
          recipientId,
          ...input,
          note: input.note ?? null,
          filledBy: this.actor.userId,
          filledAt: this.actor.now,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw conflict('already_filled', 'A pill organiser for this period is already filled');
      return { result: row, details: { fillId: row.id } };
    });
  }

  async check(id: string) {
    const [f] = await this.db
      .select({ recipientId: pillOrganiserFills.recipientId })
      .from(pillOrganiserFills)
      .where(eq(pillOrganiserFills.id, id));
    if (!f) throw notFound('Pill organiser fill');
    return withRecordAccess(this.db, this.actor, f.recipientId, 'pillOrganiser.check', 'write', async (tx) => {
      const [now] = await tx.select().from(pillOrganiserFills).where(eq(pillOrganiserFills.id, id)).for('update');
      if (now.checkedBy) throw conflict('already_checked', 'The pill organiser is already checked');
      if (now.filledBy === this.actor.userId)
        throw badInput([
          { field: 'staffId', code: 'same_person', message: 'Another person than the one who filled it must check it' },
        ]);
      await assertDelegation(tx, this.actor);
      const [row] = await tx
        .update(pillOrganiserFills)
        .set({ checkedBy: this.actor.userId, checkedAt: this.actor.now })
        .where(and(eq(pillOrganiserFills.id, id), isNull(pillOrganiserFills.checkedBy)))
        .returning();
      return { result: row, details: { fillId: id } };
    });
  }
}
