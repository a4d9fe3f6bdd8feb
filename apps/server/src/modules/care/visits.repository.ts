import { type CompleteVisit, type DayVisit, observationRanges } from '@tillit/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, conflict, forbidden, notFound } from '../../http/errors.ts';
import { validOn } from '../../time/sql.ts';
import { canListTeamRecipients } from '../access/index.ts';
import { factColumnsFor, readWithAccess, withRecordAccess } from '../access/index.ts';
import { assertHelpersServe } from '../access/index.ts';
import { judgeList } from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import { refusal } from '../access/index.ts';
import { conditionChanges, observations, visitMeasures, visits } from './care.tables.ts';
import { generateVisits } from './visits.generate.ts';

/**
 * The visit screen: the visit, its measures, what matters to the person, in their words, and what
 * was documented at it (note, measurements).
 */
const visitColumn = sql`(SELECT json_build_object(
    'id', v.id, 'date', v.date, 'windowStart', v.window_start, 'windowEnd', v.window_end, 'status', v.status,
    'version', v.version, 'note', v.note, 'checkedInAt', v.checked_in_at,
    'recipient', json_build_object('id', r.id, 'givenName', r.given_name, 'familyName', r.family_name,
                                   'addressLine', r.address_line, 'phone', r.phone),
    'helpers', (SELECT json_agg(s.given_name || ' ' || s.family_name) FROM staff s WHERE s.id IN (v.staff_id, v.second_staff_id)),
    'measures', COALESCE((SELECT json_agg(json_build_object('id', m.id, 'title', m.title, 'how', m.how, 'outcome', vm.outcome,
                          'reason', vm.reason, 'requiredCompetence', m.required_competence) ORDER BY m.title)
                          FROM visit_measure vm JOIN measure m ON m.id = vm.measure_id WHERE vm.visit_id = v.id), '[]'::json),
    'whatMatters', COALESCE((SELECT json_agg(w.statement ORDER BY w.recorded_at DESC) FROM what_matters w WHERE w.recipient_id = r.id), '[]'::json),
    'observations', COALESCE((SELECT json_agg(json_build_object('kind', ob.kind, 'value', ob.value, 'value2', ob.value2, 'unit', ob.unit)
                              ORDER BY ob.recorded_at, ob.kind) FROM observation ob WHERE ob.visit_id = v.id), '[]'::json),
    'conditionChanges', COALESCE((SELECT json_agg(c.text ORDER BY c.created_at DESC) FROM condition_change c
                                  WHERE c.recipient_id = r.id AND c.closed_at IS NULL), '[]'::json))
  FROM visit v WHERE v.id = ${sql.placeholder('visitId')} AND v.recipient_id = r.id)`;

/** A row of «Min dag» as selected, with the access facts the list is judged by. */
type DayRow = Omit<DayVisit, 'access'> & { teams: unknown; emergency: unknown };

/** The 409 for a completion that found the visit no longer as the helper saw it. */
async function whyNotCompleted(tx: DbOrTx, visitId: string) {
  const [now] = await tx
    .select({ status: visits.status, version: visits.version })
    .from(visits)
    .where(eq(visits.id, visitId));
  if (now.status === 'done') return conflict('already_done', 'The visit is already documented', { current: now });
  if (now.status === 'cancelled') return conflict('visit_cancelled', 'The visit was cancelled', { current: now });
  return conflict('stale_version', 'The visit was changed after you opened it. Look at it again and try again.', {
    current: now,
  });
}

/** Visits: generated from the plan, listed per helper and day, documented at the door. */
export class VisitRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  private async recipientOf(visitId: string) {
    const [v] = await this.db.select({ recipientId: visits.recipientId }).from(visits).where(eq(visits.id, visitId));
    if (!v) throw notFound('Visit');
    return v.recipientId;
  }

  /**
   * Creates the visits the plan asks for over the coming days, one per person, day and agreed
   * window, with the measures' usual helper (until the planner assigns). Running it again adds
   * only what is missing.
   */
  async generate(teamId: string, from: string, days: number) {
    if (!canListTeamRecipients(this.actor, teamId)) {
      const error = forbidden('not_team_member', 'Only members of the team plan its visits');
      throw await refusal(this.db, this.actor, 'visits.generate', error, { teamId });
    }
    return this.db.transaction(async (tx) => {
      const { created, recipients } = await generateVisits(tx, teamId, from, days);
      await appendAudit(tx, {
        at: new Date(),
        actorUserId: this.actor.userId,
        actorName: this.actor.displayName,
        action: 'visits.generate',
        recipientId: null,
        basis: 'care_relation',
        emergencyAccessId: null,
        details: { teamId, from, days, created, recipients },
      });
      return { created };
    });
  }

  /**
   * «Min dag»: my visits on a date, in time order, with what a helper needs at the door. It reads
   * through the record policy row by row (list.access.ts): a visit whose person the helper may
   * not see (say the care relation ended after the visit was given) keeps only its time, and the
   * audit rows name who was shown on what basis and who was withheld.
   */
  async dayList(date: string) {
    if (!this.actor.staffId) return [];
    const facts = factColumnsFor(this.actor.userId, this.actor.today);
    const rows = rowsOf<DayRow>(
      await this.db.execute(sql`
        SELECT v.id, v.date::text AS date, v.window_start AS "windowStart", v.window_end AS "windowEnd", v.planned_start AS "plannedStart", v.status, v.version,
               r.id AS "recipientId", ${facts.teams} AS teams, ${facts.emergency} AS emergency,
               r.given_name || ' ' || left(r.family_name, 1) || '.' AS "displayName", r.address_line AS "addressLine",
               (SELECT json_agg(m.title ORDER BY m.title) FROM visit_measure vm JOIN measure m ON m.id = vm.measure_id WHERE vm.visit_id = v.id) AS measures,
               (SELECT s.given_name || ' ' || s.family_name FROM staff s
                 WHERE s.id = CASE WHEN v.staff_id = ${this.actor.staffId} THEN v.second_staff_id ELSE v.staff_id END) AS "otherHelper",
               (SELECT count(*)::int FROM condition_change c WHERE c.recipient_id = r.id AND c.closed_at IS NULL) AS "openConditionChanges",
               EXISTS (SELECT 1 FROM measure_version mv JOIN visit_measure vm ON vm.measure_id = mv.measure_id
                        WHERE vm.visit_id = v.id AND mv.version > 1 AND mv.changed_at > now() - interval '1 day') AS "planChanged",
               (SELECT w.statement FROM what_matters w WHERE w.recipient_id = r.id ORDER BY w.recorded_at DESC LIMIT 1) AS "whatMatters"
          FROM visit v JOIN recipient r ON r.id = v.recipient_id
         WHERE v.date = ${date}::date AND (v.staff_id = ${this.actor.staffId} OR v.second_staff_id = ${this.actor.staffId})
           AND v.status <> 'cancelled'
         ORDER BY COALESCE(v.planned_start, v.window_start), v.window_start, r.family_name`),
    );
    const judged = await judgeList(this.db, this.actor, 'visits.dayList', rows, { date });
    return judged.map(({ row, decision }) => {
      const { teams: _t, emergency: _e, ...visit } = row;
      if (decision.allow) return { ...visit, access: decision.basis };
      const { id, windowStart, windowEnd, plannedStart, status } = visit;
      return { id, date, windowStart, windowEnd, plannedStart, status, access: 'withheld' as const };
    });
  }

  async read(visitId: string) {
    const recipientId = await this.recipientOf(visitId);
    const { row } = await readWithAccess(
      this.db,
      this.actor,
      recipientId,
      'visit.read',
      'visit_read',
      { visit: visitColumn },
      { visitId },
    );
    return typeof row.visit === 'string' ? JSON.parse(row.visit) : row.visit;
  }

  /**
   * Gives a visit to helpers by hand (the board). Only the serving team assigns (emergency access
   * does not), and only to helpers who serve the person on the visit's date: a helper of another
   * team would see the person in «Min dag» without any relation to them.
   */
  assign(visitId: string, staffId: string | null, secondStaffId: string | null | undefined) {
    return this.recipientOf(visitId).then((recipientId) =>
      withRecordAccess(this.db, this.actor, recipientId, 'visit.assign', 'serve', async (tx) => {
        const [visit] = await tx.select({ date: visits.date }).from(visits).where(eq(visits.id, visitId));
        await assertHelpersServe(
          tx,
          recipientId,
          [
            ['staffId', staffId],
            ['secondStaffId', secondStaffId],
          ],
          visit.date,
        );
        // Principle 8 also by hand: nobody is given a visit needing a competence they lack that day.
        for (const [field, helper] of [
          ['staffId', staffId],
          ['secondStaffId', secondStaffId],
        ] as const) {
          if (!helper) continue;
          const missing = rowsOf<{ code: string }>(
            await tx.execute(sql`SELECT DISTINCT m.required_competence AS code
                                   FROM visit v JOIN visit_measure vm ON vm.visit_id = v.id JOIN measure m ON m.id = vm.measure_id
                                  WHERE v.id = ${visitId} AND m.required_competence IS NOT NULL
                                    AND NOT EXISTS (SELECT 1 FROM staff_competence sc WHERE sc.staff_id = ${helper} AND sc.competence_code = m.required_competence
                                                       AND ${validOn('sc', sql`v.date`)})`),
          );
          if (missing.length)
            throw badInput([
              {
                field,
                code: 'missing_competence',
                message: `The helper lacks ${missing.map((m) => m.code).join(', ')} on the visit's date`,
              },
            ]);
        }
        const [v] = await tx
          .update(visits)
          .set({ staffId, secondStaffId: secondStaffId ?? null, version: sql`${visits.version} + 1` })
          .where(eq(visits.id, visitId))
          .returning();
        return { result: v, details: { visitId, staffId } };
      }),
    );
  }

  async checkIn(visitId: string) {
    const recipientId = await this.recipientOf(visitId);
    return withRecordAccess(this.db, this.actor, recipientId, 'visit.checkIn', 'write', async (tx) => {
      const [v] = await tx
        .update(visits)
        .set({ status: 'started', checkedInAt: this.actor.now, version: sql`${visits.version} + 1` })
        .where(and(eq(visits.id, visitId), eq(visits.status, 'planned')))
        .returning();
      if (!v) throw conflict('not_planned', 'The visit has already started or is finished');
      return {
        result: { id: v.id, status: v.status, checkedInAt: v.checkedInAt, version: v.version },
        details: { visitId },
      };
    });
  }

  /**
   * Documents a visit in one transaction: each measure's outcome, a short note, observations
   * and a change-in-condition flag. A measure that needs a competence can only be marked done
   * by someone who holds it today (principle 8).
   */
  async complete(visitId: string, input: CompleteVisit) {
    const recipientId = await this.recipientOf(visitId);
    return withRecordAccess(this.db, this.actor, recipientId, 'visit.complete', 'write', async (tx) => {
      // First, and guarded by status and version: of racing completions (PostgreSQL runs them side
      // by side) the first takes the row and the others wait, then find it done and get 409.
      const [visit] = await tx
        .update(visits)
        .set({
          status: 'done',
          // Nobody checked in (the two-tap routine visit): that stays known, and punctuality leaves it out.
          checkedOutAt: this.actor.now,
          note: input.note === undefined ? sql`${visits.note}` : input.note,
          noteForHandover: input.note ? (input.noteForHandover ?? false) : sql`${visits.noteForHandover}`,
          version: sql`${visits.version} + 1`,
        })
        .where(
          and(
            eq(visits.id, visitId),
            inArray(visits.status, ['planned', 'started']),
            eq(visits.version, input.version),
          ),
        )
        .returning({ id: visits.id });
      if (!visit) throw await whyNotCompleted(tx, visitId);
      const planned = rowsOf<{ measureId: string; requiredCompetence: string | null; held: boolean }>(
        await tx.execute(sql`
          SELECT vm.measure_id AS "measureId", m.required_competence AS "requiredCompetence",
                 (m.required_competence IS NULL OR EXISTS (SELECT 1 FROM staff_competence c WHERE c.staff_id = ${this.actor.staffId}
                    AND c.competence_code = m.required_competence AND ${validOn('c', this.actor.today)})) AS held
            FROM visit_measure vm JOIN measure m ON m.id = vm.measure_id WHERE vm.visit_id = ${visitId}`),
      );
      const given = new Map(input.outcomes.map((o) => [o.measureId, o]));
      input.outcomes.forEach((o, i) => {
        if (!planned.some((p) => p.measureId === o.measureId))
          throw badInput([
            {
              field: `outcomes.${i}.measureId`,
              code: 'not_in_visit',
              message: 'That measure is not part of this visit',
            },
          ]);
      });
      for (const p of planned) {
        const o =
          given.get(p.measureId) ??
          (input.allAsPlanned || input.outcomes.length === 0 ? { outcome: 'done' as const, reason: undefined } : null);
        if (!o)
          throw badInput([
            {
              field: 'outcomes',
              code: 'missing',
              message: 'Say what happened to every measure, or use «all done as planned»',
            },
          ]);
        if (o.outcome === 'done' && !p.held)
          throw forbidden(
            'missing_competence',
            `This measure needs the competence «${p.requiredCompetence}», which you do not hold today`,
          );
        await tx
          .update(visitMeasures)
          .set({ outcome: o.outcome, reason: o.reason ?? null })
          .where(and(eq(visitMeasures.visitId, visitId), eq(visitMeasures.measureId, p.measureId)));
      }
      if (input.observations.length) {
        await tx.insert(observations).values(
          input.observations.map((o) => ({
            recipientId,
            visitId,
            kind: o.kind,
            value: o.value,
            value2: o.value2 ?? null,
            unit: observationRanges[o.kind].unit,
            recordedBy: this.actor.userId,
          })),
        );
      }
      if (input.conditionChange) {
        await tx.insert(conditionChanges).values({
          recipientId,
          visitId,
          text: input.conditionChange,
          createdBy: this.actor.userId,
          // The app's clock, like the check-out beside it: the handover places it in its shift by this.
          createdAt: this.actor.now,
        });
      }
      return {
        result: { id: visitId, status: 'done' as const },
        details: { visitId, observations: input.observations.length, conditionChange: Boolean(input.conditionChange) },
      };
    });
  }

  /** Measures of a set of visits, for tests and the planner. */
  async measuresOf(visitIds: string[]) {
    return this.db.select().from(visitMeasures).where(inArray(visitMeasures.visitId, visitIds));
  }
}
