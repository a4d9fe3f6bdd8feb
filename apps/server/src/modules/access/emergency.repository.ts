import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { users } from '../accounts/accounts.readmodel.ts';
import { validOn } from '../../time/sql.ts';
import { appendAudit } from '../audit/index.ts';
import { recipients } from '../recipients/recipients.readmodel.ts';
import { emergencyAccesses } from './access.tables.ts';
import { canFollowUpAudit, decideRecordAccess } from './access.policy.ts';

/** Break-the-glass grants and their follow-up, bound to the acting user. */
export class EmergencyRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
    private readonly minutes: number,
  ) {}

  /**
   * Grants time-limited access to one person's record; the reason is logged and flagged for
   * follow-up. Only clinical staff outside the serving team may ask (mayBreakGlass): a refused
   * request is itself logged, with the reason given, before the 403 is answered.
   */
  async grant(recipientId: string, reason: string) {
    const outcome = await this.db.transaction(async (tx) => {
      const [person] = await tx.select({ id: recipients.id }).from(recipients).where(eq(recipients.id, recipientId));
      if (!person) throw notFound('Person');
      const teams = await tx.execute(sql`
        SELECT team_id::text AS id FROM recipient_team WHERE recipient_id = ${recipientId}
           AND ${validOn(null, this.actor.today)}`);
      const decision = decideRecordAccess(
        this.actor,
        { servingTeamIds: (teams.rows as { id: string }[]).map((r) => r.id), emergency: null },
        'read',
      );
      if (decision.allow) throw conflict('not_needed', 'Your team serves this person; emergency access is not needed');
      if (!decision.canBreakGlass) {
        await appendAudit(tx, {
          at: new Date(),
          actorUserId: this.actor.userId,
          actorName: this.actor.displayName,
          action: 'emergency.grant',
          recipientId,
          basis: 'denied',
          emergencyAccessId: null,
          details: { refused: 'cannot_break_glass', emergencyReason: reason },
        });
        return { refused: true as const };
      }
      const expiresAt = new Date(Date.now() + this.minutes * 60_000);
      const [row] = await tx
        .insert(emergencyAccesses)
        .values({ userId: this.actor.userId, recipientId, reason, expiresAt })
        .returning();
      await appendAudit(tx, {
        at: new Date(),
        actorUserId: this.actor.userId,
        actorName: this.actor.displayName,
        action: 'emergency.grant',
        recipientId,
        basis: 'emergency',
        emergencyAccessId: row.id,
        details: { emergencyReason: reason, expiresAt: expiresAt.toISOString() },
      });
      return { id: row.id, expiresAt: row.expiresAt.toISOString() };
    });
    if ('refused' in outcome)
      throw forbidden(
        'cannot_break_glass',
        'Emergency access is for clinical staff in a situation of need; leaders and administrators never have it',
      );
    return outcome;
  }

  /** Emergency accesses, open ones first, for the administrator's follow-up. */
  async list(onlyOpen: boolean) {
    if (!canFollowUpAudit(this.actor)) throw forbidden('admin_only', 'Only administrators follow up emergency access');
    const rows = await this.db
      .select({
        id: emergencyAccesses.id,
        userName: users.displayName,
        recipientId: emergencyAccesses.recipientId,
        reason: emergencyAccesses.reason,
        grantedAt: emergencyAccesses.grantedAt,
        expiresAt: emergencyAccesses.expiresAt,
        followedUpAt: emergencyAccesses.followedUpAt,
        followUpNote: emergencyAccesses.followUpNote,
      })
      .from(emergencyAccesses)
      .innerJoin(users, eq(users.id, emergencyAccesses.userId))
      .where(onlyOpen ? isNull(emergencyAccesses.followedUpAt) : undefined)
      .orderBy(desc(emergencyAccesses.grantedAt))
      .limit(500);
    return rows.map((r) => ({
      ...r,
      grantedAt: r.grantedAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      followedUpAt: r.followedUpAt?.toISOString() ?? null,
    }));
  }

  async followUp(id: string, note: string) {
    if (!canFollowUpAudit(this.actor)) throw forbidden('admin_only', 'Only administrators follow up emergency access');
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(emergencyAccesses)
        .set({ followedUpAt: new Date(), followedUpBy: this.actor.userId, followUpNote: note })
        .where(and(eq(emergencyAccesses.id, id), isNull(emergencyAccesses.followedUpAt)))
        .returning();
      if (!row) throw notFound('Open emergency access');
      await appendAudit(tx, {
        at: new Date(),
        actorUserId: this.actor.userId,
        actorName: this.actor.displayName,
        action: 'emergency.followUp',
        recipientId: row.recipientId,
        basis: 'admin',
        emergencyAccessId: row.id,
        details: { note },
      });
      return { id: row.id, followedUpAt: row.followedUpAt!.toISOString() };
    });
  }
}
