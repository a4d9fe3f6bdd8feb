import type { DecisionInput } from '@tillit/contracts';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { validOn } from '../../time/sql.ts';
import { readWithAccess, withRecordAccess } from '../access/index.ts';
import { teamForActor } from '../access/index.ts';
import { serviceDecisions, teamFrames } from './decisions.tables.ts';
import { legalBasisOf } from './legal-basis.ts';
import { renderDecisionLetter, type LetterData } from './letter.ts';

export const serviceNames: Record<string, string> = {
  hjemmesykepleie: 'helsetjenester i hjemmet (hjemmesykepleie)',
  praktisk_bistand: 'praktisk bistand',
  opplaering: 'opplæring i dagliglivets gjøremål',
  trygghetsalarm: 'trygghetsalarm',
};

/**
 * Two decisions of one service cannot be active for one person at once: the partial unique
 * index `service_decision_one_active_idx` holds it when requests race (PostgreSQL answers the
 * loser with a unique violation, which becomes this 409).
 */
async function oneActive<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const cause = (err as { cause?: { code?: string; constraint?: string } }).cause ?? (err as { code?: string });
    if (cause?.code === '23505' && (cause as { constraint?: string }).constraint === 'service_decision_one_active_idx')
      throw conflict(
        'decision_changed',
        'Another decision for this service took effect meanwhile; reload and try again',
      );
    throw err;
  }
}

/** Service decisions, granted by the team within its frame; bound to the actor. */
export class DecisionRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  /**
   * Within the frame it takes effect at once (replacing the person's earlier decision for the
   * service); beyond, it awaits co-signature. Only the serving team decides: emergency access
   * opens the record, it does not delegate the team's frame (refused and audited).
   */
  decide(recipientId: string, input: DecisionInput) {
    return oneActive(
      withRecordAccess(this.db, this.actor, recipientId, 'decision.create', 'serve', async (tx) => {
        const [team] = (
          await tx.execute(sql`SELECT rt.team_id AS id, COALESCE(f.max_hours_per_week, 0)::float AS frame
          FROM recipient_team rt LEFT JOIN team_frame f ON f.team_id = rt.team_id AND f.service_type = ${input.serviceType}
         WHERE rt.recipient_id = ${recipientId} AND rt.team_id = ANY(${`{${this.actor.teamIds.join(',')}}`}::uuid[])
           AND ${validOn('rt', this.actor.today)} LIMIT 1`)
        ).rows as { id: string; frame: number }[];
        if (!team) throw forbidden('not_serving_team', 'Only the team serving the person can decide its services');
        const withinFrame = input.hoursPerWeek <= Number(team.frame);
        if (withinFrame) {
          await tx
            .update(serviceDecisions)
            .set({ status: 'superseded' })
            .where(
              and(
                eq(serviceDecisions.recipientId, recipientId),
                eq(serviceDecisions.serviceType, input.serviceType),
                eq(serviceDecisions.status, 'active'),
              ),
            );
        }
        const [row] = await tx
          .insert(serviceDecisions)
          .values({
            ...input,
            validUntil: input.validUntil ?? null,
            recipientId,
            teamId: team.id,
            legalBasis: legalBasisOf[input.serviceType],
            withinFrame,
            status: withinFrame ? 'active' : 'awaiting_cosign',
            decidedBy: this.actor.userId,
          })
          .returning();
        return { result: row, details: { decisionId: row.id, withinFrame, frame: Number(team.frame) } };
      }),
    );
  }

  /**
   * A second member of the deciding team co-signs a decision beyond the frame; it then takes
   * effect. One transaction, once: the decision is read under a row lock inside it, so of two
   * concurrent co-signatures the second sees the first's result (409); and a partial unique
   * index keeps one active decision per person and service, whatever else races.
   */
  async cosign(id: string) {
    // Only to know whose record to judge: a decision never changes person.
    const [found] = await this.db
      .select({ recipientId: serviceDecisions.recipientId })
      .from(serviceDecisions)
      .where(eq(serviceDecisions.id, id));
    if (!found) throw notFound('Decision');
    return oneActive(
      withRecordAccess(this.db, this.actor, found.recipientId, 'decision.cosign', 'serve', async (tx) => {
        const [d] = await tx.select().from(serviceDecisions).where(eq(serviceDecisions.id, id)).for('update');
        if (!this.actor.teamIds.includes(d.teamId))
          throw forbidden('not_deciding_team', 'Only a member of the team that made the decision can co-sign it');
        if (d.status !== 'awaiting_cosign')
          throw conflict('not_awaiting', 'The decision is not waiting for a co-signature', { status: d.status });
        if (d.decidedBy === this.actor.userId) throw forbidden('same_person', 'A second team member must co-sign');
        await tx
          .update(serviceDecisions)
          .set({ status: 'superseded' })
          .where(
            and(
              eq(serviceDecisions.recipientId, d.recipientId),
              eq(serviceDecisions.serviceType, d.serviceType),
              eq(serviceDecisions.status, 'active'),
              ne(serviceDecisions.id, id),
            ),
          );
        const [row] = await tx
          .update(serviceDecisions)
          .set({ status: 'active', cosignedBy: this.actor.userId, cosignedAt: new Date() })
          .where(and(eq(serviceDecisions.id, id), eq(serviceDecisions.status, 'awaiting_cosign')))
          .returning();
        return { result: row, details: { decisionId: id } };
      }),
    );
  }

  /** The decision letter as a PDF, read under the same access rule and logged. */
  async letter(id: string) {
    const [d] = await this.db
      .select({ recipientId: serviceDecisions.recipientId })
      .from(serviceDecisions)
      .where(eq(serviceDecisions.id, id));
    if (!d) throw notFound('Decision');
    const { row } = await readWithAccess(
      this.db,
      this.actor,
      d.recipientId,
      'decision.letter',
      'decision_letter',
      {
        letter: sql`(SELECT json_build_object(
          'id', sd.id, 'status', sd.status,
          'municipality', mu.name, 'district', di.name, 'team', t.name,
          'teamContact', json_build_object('addressLine', t.address_line, 'postalCode', t.postal_code, 'city', t.city, 'phone', t.phone),
          'person', json_build_object('name', r.given_name || ' ' || r.family_name, 'addressLine', r.address_line, 'postalCode', r.postal_code, 'city', r.city),
          'serviceType', sd.service_type, 'hoursPerWeek', sd.hours_per_week, 'validFrom', sd.valid_from, 'validUntil', sd.valid_until,
          'needsAndWishes', sd.needs_and_wishes, 'reasons', sd.reasons, 'legalBasis', sd.legal_basis, 'decidedAt', sd.decided_at,
          'decidedBy', (SELECT display_name FROM user_account WHERE id = sd.decided_by),
          'cosignedBy', (SELECT display_name FROM user_account WHERE id = sd.cosigned_by))
        FROM service_decision sd JOIN team t ON t.id = sd.team_id JOIN district di ON di.id = t.district_id
        JOIN municipality mu ON mu.id = di.municipality_id WHERE sd.id = ${sql.placeholder('decisionId')} AND sd.recipient_id = r.id)`,
      },
      { decisionId: id },
    );
    const l = (typeof row.letter === 'string' ? JSON.parse(row.letter) : row.letter) as Omit<
      LetterData,
      'serviceName' | 'decidedAt'
    > & { serviceType: string; decidedAt: string };
    return renderDecisionLetter({
      ...l,
      serviceName: serviceNames[l.serviceType],
      hoursPerWeek: Number(l.hoursPerWeek),
      decidedAt: new Date(l.decidedAt),
    });
  }

  /**
   * The team's delegated frames (shown in the decision form): team-level data, so open to the
   * team's members, leaders of its district and administrators (canSeeTeam); anyone else gets
   * 403 and a `denied` audit row, an unknown team 404.
   */
  async frames(teamId: string) {
    await teamForActor(this.db, this.actor, teamId, 'team.frames');
    return this.db.select().from(teamFrames).where(eq(teamFrames.teamId, teamId));
  }
}
