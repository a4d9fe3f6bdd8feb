import type { IncidentState, IncidentSummary, IncidentTheme, IncidentView, ReportIncident } from '@tillit/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { type AppError, badInput, conflict, forbidden, notFound } from '../../http/errors.ts';
import { validOn } from '../../time/sql.ts';
import { canListTeamRecipients, factColumnsFor, judgeList, refusal, withRecordAccess } from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import { measures } from '../care/care.readmodel.ts';
import { teams } from '../organisation/organisation.readmodel.ts';
import { incidents } from './incidents.tables.ts';
import { nextState } from './incidents.rules.ts';

type Change = { id: string; state: 'reported' | 'reviewed' | 'closed'; version: number };

/**
 * Avvik, bound to the actor. The team the incident was reported to reads, reviews and closes it
 * (its members only); an incident about a person is also part of that person's record: every
 * change goes through the record policy as `serve` (withRecordAccess, audit row in the same
 * transaction), the team's list is judged row by row (judgeList), and every refusal leaves a
 * `denied` audit row naming the person where there is one.
 */
export class IncidentRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  /** A refusal before the record policy is asked (not a member of the team), logged on the person's record. */
  private async deny(action: string, recipientId: string | null, details: Record<string, unknown>, error: AppError) {
    if (!recipientId) return refusal(this.db, this.actor, action, error, details);
    await this.db.transaction((tx) =>
      appendAudit(tx, {
        at: new Date(),
        actorUserId: this.actor.userId,
        actorName: this.actor.displayName,
        action,
        recipientId,
        basis: 'denied',
        emergencyAccessId: null,
        details: { ...details, refused: error.code },
      }),
    );
    return error;
  }

  private notMember() {
    return forbidden('not_team_member', 'Only members of the team see and handle its incidents');
  }

  /** An incident without a person is the team's own: its audit row names the team. */
  private teamWrite<T>(action: string, teamId: string, work: (tx: DbOrTx) => Promise<T & { id: string }>) {
    return this.db.transaction(async (tx) => {
      const row = await work(tx);
      await appendAudit(tx, {
        at: new Date(),
        actorUserId: this.actor.userId,
        actorName: this.actor.displayName,
        action,
        recipientId: null,
        basis: 'team_level',
        emergencyAccessId: null,
        details: { teamId, incidentId: row.id },
      });
      return row;
    });
  }

  async report(teamId: string, input: ReportIncident): Promise<Change> {
    let recipientId = input.recipientId ?? null;
    if (!canListTeamRecipients(this.actor, teamId))
      throw await this.deny('incident.report', recipientId, { teamId }, this.notMember());
    if (input.measureId) {
      const [m] = await this.db
        .select({ recipientId: measures.recipientId })
        .from(measures)
        .where(eq(measures.id, input.measureId));
      if (!m) throw badInput([{ field: 'measureId', code: 'not_found', message: 'No such measure' }]);
      if (recipientId && recipientId !== m.recipientId)
        throw badInput([{ field: 'measureId', code: 'other_person', message: 'The measure is another person’s' }]);
      recipientId = m.recipientId;
    }
    const insert = async (tx: DbOrTx) => {
      const [row] = await tx
        .insert(incidents)
        .values({
          teamId,
          recipientId,
          measureId: input.measureId ?? null,
          doseAdministrationId: input.doseAdministrationId ?? null,
          theme: input.theme,
          whatHappened: input.whatHappened,
          consequence: input.consequence,
          immediateAction: input.immediateAction,
          anonymous: input.anonymous ?? false,
          reportedBy: this.actor.userId,
          reportedAt: this.actor.now,
        })
        .returning({ id: incidents.id, state: incidents.state, version: incidents.version });
      return row;
    };
    if (!recipientId) return this.teamWrite('incident.report', teamId, insert);
    const person = recipientId;
    return withRecordAccess(this.db, this.actor, person, 'incident.report', 'serve', async (tx) => {
      // The team reviewing it must be one that serves the person, or its board would show a stranger.
      const served = rowsOf<{ ok: boolean }>(
        await tx.execute(sql`SELECT EXISTS (SELECT 1 FROM recipient_team rt WHERE rt.recipient_id = ${person}
          AND rt.team_id = ${teamId} AND ${validOn('rt', this.actor.today)}) AS ok`),
      )[0].ok;
      if (!served)
        throw badInput([
          { field: 'recipientId', code: 'not_served_by_team', message: 'The team does not serve this person' },
        ]);
      const row = await insert(tx);
      return { result: row, details: { incidentId: row.id, teamId } };
    });
  }

  /** The team's open (reported, reviewed) or closed incidents, newest first, for the board. */
  async list(teamId: string, which: 'open' | 'closed'): Promise<{ incidents: IncidentView[] }> {
    if (!canListTeamRecipients(this.actor, teamId))
      throw await this.deny('incident.list', null, { teamId }, this.notMember());
    const facts = factColumnsFor(this.actor.userId, this.actor.today);
    const states = which === 'open' ? sql`i.state IN ('reported', 'reviewed')` : sql`i.state = 'closed'`;
    const rows = rowsOf<IncidentRow>(
      await this.db.execute(sql`
        SELECT i.id, i.team_id AS "teamId", i.theme, i.state, i.what_happened AS "whatHappened",
               i.consequence, i.immediate_action AS "immediateAction", i.recipient_id AS "recipientId",
               CASE WHEN r.id IS NULL THEN NULL ELSE r.given_name || ' ' || r.family_name END AS person,
               i.measure_id AS "measureId", i.dose_administration_id AS "doseAdministrationId",
               CASE WHEN i.anonymous THEN NULL ELSE u.display_name END AS "reportedBy",
               to_json(i.reported_at) AS "reportedAt", i.review_note AS "reviewNote", to_json(i.reviewed_at) AS "reviewedAt",
               i.learned, i.change, to_json(i.closed_at) AS "closedAt", i.version,
               ${facts.teams} AS teams, ${facts.emergency} AS emergency
          FROM incident i JOIN user_account u ON u.id = i.reported_by LEFT JOIN recipient r ON r.id = i.recipient_id
         WHERE i.team_id = ${teamId} AND ${states}
         ORDER BY i.reported_at DESC LIMIT 200`),
    );
    const about = rows.filter((r): r is IncidentRow & { recipientId: string } => r.recipientId !== null);
    const judged = await judgeList(this.db, this.actor, 'incident.list', about, { teamId });
    const withheld = new Set(judged.filter((j) => !j.decision.allow).map((j) => j.row.id));
    return {
      incidents: rows
        .filter((r) => !withheld.has(r.id))
        .map(({ teams: _t, emergency: _e, ...view }) => ({ ...view, version: Number(view.version) })),
    };
  }

  review(id: string, version: number, note?: string) {
    return this.change(id, 'incident.review', version, {
      state: 'reviewed',
      reviewedBy: this.actor.userId,
      reviewedAt: this.actor.now,
      reviewNote: note ?? null,
    });
  }

  close(id: string, version: number, learned: string, change: string) {
    return this.change(id, 'incident.close', version, {
      state: 'closed',
      closedBy: this.actor.userId,
      closedAt: this.actor.now,
      learned,
      change,
    });
  }

  /**
   * One step of reported → reviewed → closed, guarded by state and version in the UPDATE itself:
   * of two members closing at once, PostgreSQL makes the second wait for the first's row lock, finds
   * the row changed and updates nothing, so the second gets 409 and nothing is applied twice.
   */
  private async change(
    id: string,
    action: string,
    version: number,
    set: Partial<typeof incidents.$inferInsert> & { state: 'reviewed' | 'closed' },
  ): Promise<Change> {
    const [found] = await this.db
      .select({ teamId: incidents.teamId, recipientId: incidents.recipientId })
      .from(incidents)
      .where(eq(incidents.id, id));
    if (!found) throw notFound('Incident');
    if (!canListTeamRecipients(this.actor, found.teamId))
      throw await this.deny(action, found.recipientId, { incidentId: id }, this.notMember());
    const from = set.state === 'reviewed' ? 'reported' : 'reviewed';
    const work = async (tx: DbOrTx) => {
      const [row] = await tx
        .update(incidents)
        .set({ ...set, version: sql`${incidents.version} + 1` })
        .where(and(eq(incidents.id, id), eq(incidents.state, from), eq(incidents.version, version)))
        .returning({ id: incidents.id, state: incidents.state, version: incidents.version });
      if (row) return row;
      const [now] = await tx
        .select({ state: incidents.state, version: incidents.version })
        .from(incidents)
        .where(eq(incidents.id, id));
      const step = nextState(now.state);
      if (step !== set.state)
        throw conflict('wrong_state', `The incident is ${now.state}`, {
          current: { state: now.state, version: now.version },
        });
      throw conflict('stale_version', 'Someone changed the incident since you opened it', {
        current: { state: now.state, version: now.version },
      });
    };
    if (!found.recipientId) return this.teamWrite(action, found.teamId, work);
    return withRecordAccess(this.db, this.actor, found.recipientId, action, 'serve', async (tx) => ({
      result: await work(tx),
      details: { incidentId: id },
    }));
  }
}

type IncidentRow = IncidentView & { teams: unknown; emergency: unknown };

/**
 * Leaders' view (forskrift om ledelse og kvalitetsforbedring: follow-up at the level that can act):
 * counts per team, theme and state for the district's teams, nothing that names a person, a
 * reporter or an employee. Members are refused and the refusal logged.
 */
export async function incidentSummary(db: Db, actor: Actor, from: string, to: string): Promise<IncidentSummary> {
  if ((actor.role !== 'leader' && actor.role !== 'admin') || !actor.districtId)
    throw await refusal(
      db,
      actor,
      'incident.summary',
      forbidden('leaders_only', 'The summary is for the district’s leaders'),
    );
  const teamList = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.districtId, actor.districtId))
    .orderBy(asc(teams.name));
  const counts = rowsOf<{ teamId: string; theme: IncidentTheme; state: IncidentState; count: number }>(
    await db.execute(sql`SELECT i.team_id AS "teamId", i.theme, i.state, count(*)::int AS count
      FROM incident i JOIN team t ON t.id = i.team_id
     WHERE t.district_id = ${actor.districtId}
       AND (i.reported_at AT TIME ZONE 'Europe/Oslo')::date BETWEEN ${from}::date AND ${to}::date
     GROUP BY i.team_id, i.theme, i.state ORDER BY i.theme, i.state`),
  );
  return {
    from,
    to,
    teams: teamList.map((t) => ({
      teamId: t.id,
      teamName: t.name,
      counts: counts
        .filter((c) => c.teamId === t.id)
        .map((c) => ({ theme: c.theme, state: c.state, count: Number(c.count) })),
    })),
  };
}
