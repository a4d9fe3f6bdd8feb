import { addDays, type BoardRows } from '@tillit/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { validOn } from '../../time/sql.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { canListTeamRecipients } from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import { auditWriterFor } from '../audit/index.ts';
import { refusal } from '../access/index.ts';
import { conditionChanges } from './care.tables.ts';

/** «Teamtavla»: what a self-governing team looks at in its daily meeting. */
export class BoardRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  async board(teamId: string) {
    if (!canListTeamRecipients(this.actor, teamId)) {
      const error = forbidden('not_team_member', 'Only members of the team see its board');
      throw await refusal(this.db, this.actor, 'team.board', error, { teamId });
    }
    const today = this.actor.today;
    const served = sql`(SELECT rt.recipient_id FROM recipient_team rt WHERE rt.team_id = ${teamId} AND ${validOn('rt', today)})`;
    const name = sql`r.given_name || ' ' || r.family_name`;
    const [changes, newPeople, reviews, notDone, unstaffed, cosign] = await Promise.all([
      this.db.execute(sql`SELECT c.id, r.id AS "recipientId", ${name} AS person, c.text, c.created_at AS since,
                                 (SELECT u.display_name FROM user_account u WHERE u.id = c.taken_by) AS "takenBy"
                            FROM condition_change c JOIN recipient r ON r.id = c.recipient_id
                           WHERE c.closed_at IS NULL AND c.recipient_id IN ${served} ORDER BY c.created_at DESC`),
      this.db.execute(sql`SELECT r.id AS "recipientId", ${name} AS person, rt.valid_from AS since
                            FROM recipient_team rt JOIN recipient r ON r.id = rt.recipient_id
                           WHERE rt.team_id = ${teamId} AND rt.valid_from > ${addDays(today, -14)}::date AND rt.valid_from <= ${today}::date
                           ORDER BY rt.valid_from DESC`),
      this.db.execute(sql`SELECT g.id, r.id AS "recipientId", ${name} AS person, g.description AS text, g.review_date AS since
                            FROM goal g JOIN recipient r ON r.id = g.recipient_id
                           WHERE g.status = 'active' AND g.review_date <= ${addDays(today, 7)}::date AND g.recipient_id IN ${served}
                           ORDER BY g.review_date`),
      this.db.execute(sql`SELECT v.id, r.id AS "recipientId", ${name} AS person, m.title || ': ' || COALESCE(vm.reason, '') AS text, v.date AS since
                            FROM visit_measure vm JOIN visit v ON v.id = vm.visit_id JOIN measure m ON m.id = vm.measure_id
                            JOIN recipient r ON r.id = v.recipient_id
                           WHERE vm.outcome = 'not_done' AND v.date > ${addDays(today, -3)}::date AND v.recipient_id IN ${served}
                           ORDER BY v.date DESC`),
      this.db.execute(sql`SELECT v.id, r.id AS "recipientId", ${name} AS person, v.date AS since, v.window_start AS "windowStart"
                            FROM visit v JOIN recipient r ON r.id = v.recipient_id
                           WHERE v.staff_id IS NULL AND v.status = 'planned' AND v.date BETWEEN ${today}::date AND ${addDays(today, 7)}::date
                             AND v.recipient_id IN ${served} ORDER BY v.date, v.window_start LIMIT 200`),
      this.db.execute(sql`SELECT sd.id, r.id AS "recipientId", ${name} AS person,
                                 sd.service_type || ', ' || sd.hours_per_week || ' t/uke' AS text, sd.decided_at AS since,
                                 (SELECT u.display_name FROM user_account u WHERE u.id = sd.decided_by) AS "decidedBy"
                            FROM service_decision sd JOIN recipient r ON r.id = sd.recipient_id
                           WHERE sd.team_id = ${teamId} AND sd.status = 'awaiting_cosign' ORDER BY sd.decided_at`),
    ]);
    const board: BoardRows = {
      conditionChanges: rowsOf<BoardRows['conditionChanges'][number]>(changes),
      newPeople: rowsOf<BoardRows['newPeople'][number]>(newPeople),
      reviewsDue: rowsOf<BoardRows['reviewsDue'][number]>(reviews),
      measuresNotDone: rowsOf<BoardRows['measuresNotDone'][number]>(notDone),
      unstaffedVisits: rowsOf<BoardRows['unstaffedVisits'][number]>(unstaffed),
      awaitingCosign: rowsOf<BoardRows['awaitingCosign'][number]>(cosign),
    };
    const people = new Set(
      Object.values(board)
        .flat()
        .map((x) => x.recipientId),
    );
    await auditWriterFor(this.db).append({
      at: new Date(),
      actorUserId: this.actor.userId,
      actorName: this.actor.displayName,
      action: 'team.board',
      recipientId: null,
      basis: 'care_relation',
      emergencyAccessId: null,
      details: { teamId, recipients: [...people] },
    });
    return board;
  }

  /** Take or close a change-in-condition card; anyone in the team serving the person may. */
  async updateConditionChange(id: string, action: 'take' | 'close', note?: string) {
    const [c] = await this.db.select().from(conditionChanges).where(eq(conditionChanges.id, id));
    if (!c) throw notFound('Change in condition');
    const allowed = rowsOf<{ ok: boolean }>(
      await this.db.execute(sql`SELECT EXISTS (SELECT 1 FROM recipient_team rt WHERE rt.recipient_id = ${c.recipientId}
        AND rt.team_id = ANY(${`{${this.actor.teamIds.join(',')}}`}::uuid[]) AND ${validOn('rt', this.actor.today)}) AS ok`),
    )[0].ok;
    if (!allowed || this.actor.role !== 'member') {
      // A refusal about a person's record is logged on that record, like the record policy's own.
      await this.db.transaction((tx) =>
        appendAudit(tx, {
          at: new Date(),
          actorUserId: this.actor.userId,
          actorName: this.actor.displayName,
          action: `conditionChange.${action}`,
          recipientId: c.recipientId,
          basis: 'denied',
          emergencyAccessId: null,
          details: { conditionChangeId: id, refused: 'no_care_relation' },
        }),
      );
      throw forbidden('no_care_relation', 'Only the team serving the person can act on this');
    }
    return this.db.transaction(async (tx) => {
      const set =
        action === 'take'
          ? { takenBy: this.actor.userId }
          : { closedBy: this.actor.userId, closedAt: new Date(), closingNote: note ?? null };
      const [row] = await tx
        .update(conditionChanges)
        .set(set)
        .where(and(eq(conditionChanges.id, id), isNull(conditionChanges.closedAt)))
        .returning();
      if (!row) throw notFound('Open change in condition');
      await appendAudit(tx, {
        at: new Date(),
        actorUserId: this.actor.userId,
        actorName: this.actor.displayName,
        action: `conditionChange.${action}`,
        recipientId: c.recipientId,
        basis: 'care_relation',
        emergencyAccessId: null,
        details: { conditionChangeId: id },
      });
      return { id, takenBy: row.takenBy, closedAt: row.closedAt };
    });
  }
}
