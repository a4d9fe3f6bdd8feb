import { type LinkDecision, type NewServiceRequest, osloDate } from '@tillit/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type Db, type DbOrTx, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { type AppError, badInput, conflict, forbidden, notFound } from '../../http/errors.ts';
import { validOn } from '../../time/sql.ts';
import { canListTeamRecipients, refusal, withRecordAccess } from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import { serviceRequests } from './requests.tables.ts';

/**
 * Service requests, bound to the actor. Only members of the receiving team register, read and
 * answer them. A request naming a person served is part of that person's record: registering it is
 * a `write` and linking the decision a `serve` through the record policy (withRecordAccess, the
 * audit row in the same transaction). One about someone not yet registered is the team's own: its
 * audit row names the team and the request. Every refusal leaves a `denied` audit row.
 */
export class RequestRepository {
  constructor(
    protected readonly db: Db,
    protected readonly actor: Actor,
  ) {}

  /** A refusal before the record policy is asked (not a member of the team), logged on the person's record. */
  protected async deny(action: string, recipientId: string | null, details: Record<string, unknown>) {
    const error = forbidden('not_team_member', 'Only members of the receiving team see and handle its requests');
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

  /** A change to a request about someone not yet registered: the team's own, its audit row names the team. */
  protected teamWrite<T extends { id: string }>(action: string, teamId: string, work: (tx: DbOrTx) => Promise<T>) {
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
        details: { teamId, requestId: row.id },
      });
      return row;
    });
  }

  /** When it arrived: now by default; never in the future; an earlier day than today says why. */
  private arrival(input: NewServiceRequest) {
    const arrivedAt = input.arrivedAt ? new Date(input.arrivedAt) : this.actor.now;
    const problems: { field: string; code: string; message: string }[] = [];
    if (arrivedAt.getTime() > this.actor.now.getTime())
      problems.push({ field: 'arrivedAt', code: 'future', message: 'A request cannot arrive in the future' });
    else if (osloDate(arrivedAt) < this.actor.today && !input.lateReason)
      problems.push({
        field: 'lateReason',
        code: 'required',
        message: 'Say why the request is registered on a later day than it arrived',
      });
    if (problems.length) throw badInput(problems);
    return arrivedAt;
  }

  async register(teamId: string, input: NewServiceRequest): Promise<{ id: string; version: number }> {
    const recipientId = input.recipientId ?? null;
    if (!canListTeamRecipients(this.actor, teamId))
      throw await this.deny('service_request.create', recipientId, { teamId });
    const arrivedAt = this.arrival(input);
    const base = {
      teamId,
      requesterKind: input.requesterKind,
      requesterName: input.requesterName ?? null,
      services: input.services,
      description: input.description,
      arrivedAt,
      registeredAt: this.actor.now,
      registeredBy: this.actor.userId,
      lateReason: input.lateReason ?? null,
    };
    const returning = { id: serviceRequests.id, version: serviceRequests.version };
    if (input.person) {
      const p = input.person;
      const values = {
        ...base,
        givenName: p.givenName,
        familyName: p.familyName,
        nationalId: p.nationalId ?? null,
        birthDate: p.birthDate ?? null,
        phone: p.phone ?? null,
        addressLine: p.addressLine ?? null,
      };
      return this.teamWrite('service_request.create', teamId, async (tx) => {
        const [row] = await tx.insert(serviceRequests).values(values).returning(returning);
        return row;
      });
    }
    const person = recipientId!;
    return withRecordAccess(this.db, this.actor, person, 'service_request.create', 'write', async (tx) => {
      const [r] = rowsOf<{ givenName: string; familyName: string; served: boolean }>(
        await tx.execute(sql`SELECT r.given_name AS "givenName", r.family_name AS "familyName",
          EXISTS (SELECT 1 FROM recipient_team rt WHERE rt.recipient_id = r.id AND rt.team_id = ${teamId}
                     AND ${validOn('rt', this.actor.today)}) AS served
          FROM recipient r WHERE r.id = ${person}`),
      );
      // Another team's person is registered as a new person: the receiving team does not read their record.
      if (!r.served)
        throw badInput([
          { field: 'recipientId', code: 'not_served_by_team', message: 'The team does not serve this person' },
        ]);
      const [row] = await tx
        .insert(serviceRequests)
        .values({ ...base, recipientId: person, givenName: r.givenName, familyName: r.familyName })
        .returning(returning);
      return { result: row, details: { requestId: row.id, teamId } };
    });
  }

  /**
   * Links the service decision that answers the request. The decision must be the receiving team's,
   * about the request's person (for someone registered since, the same national identity number or
   * birth date), and made no earlier than the day the request arrived. Once: a linked request keeps
   * its decision (409), and the version guards against two members linking at once.
   */
  async linkDecision(id: string, input: LinkDecision) {
    const [req] = await this.db.select().from(serviceRequests).where(eq(serviceRequests.id, id));
    if (!req) throw notFound('Request');
    if (!canListTeamRecipients(this.actor, req.teamId))
      throw await this.deny('service_request.link', req.recipientId, { requestId: id });
    const decision = await this.answering(req, input.decisionId);
    return withRecordAccess(this.db, this.actor, decision.recipientId, 'service_request.link', 'serve', async (tx) => {
      const [row] = await tx
        .update(serviceRequests)
        .set({
          decisionId: decision.id,
          recipientId: decision.recipientId,
          linkedAt: this.actor.now,
          linkedBy: this.actor.userId,
          version: sql`${serviceRequests.version} + 1`,
        })
        .where(
          and(
            eq(serviceRequests.id, id),
            eq(serviceRequests.version, input.version),
            isNull(serviceRequests.decisionId),
          ),
        )
        .returning({ id: serviceRequests.id, version: serviceRequests.version });
      if (!row) throw await this.whyNotLinked(tx, id);
      return { result: row, details: { requestId: id, decisionId: decision.id } };
    });
  }

  private async whyNotLinked(tx: DbOrTx, id: string): Promise<AppError> {
    const [now] = await tx
      .select({ decisionId: serviceRequests.decisionId, version: serviceRequests.version })
      .from(serviceRequests)
      .where(eq(serviceRequests.id, id));
    if (now.decisionId)
      return conflict('already_linked', 'The request is already answered by a decision', { current: now });
    return conflict('stale_version', 'Someone changed the request since you opened it', { current: now });
  }

  /** The decision, checked against the request; a mismatch is a 400 naming `decisionId`. */
  private async answering(req: typeof serviceRequests.$inferSelect, decisionId: string) {
    const [d] = rowsOf<{ id: string; recipientId: string; teamId: string; decidedOn: string; matches: boolean }>(
      await this.db.execute(sql`SELECT sd.id, sd.recipient_id AS "recipientId", sd.team_id AS "teamId",
          sd.decided_at::date::text AS "decidedOn",
          (${req.recipientId}::uuid IS NOT NULL AND sd.recipient_id = ${req.recipientId}::uuid)
          OR (${req.recipientId}::uuid IS NULL AND (r.national_id = ${req.nationalId}
              OR (${req.nationalId}::text IS NULL AND r.birth_date = ${req.birthDate}::date))) AS matches
        FROM service_decision sd JOIN recipient r ON r.id = sd.recipient_id WHERE sd.id = ${decisionId}`),
    );
    const wrong = (code: string, message: string) => badInput([{ field: 'decisionId', code, message }]);
    if (!d) throw wrong('not_found', 'No such decision');
    if (d.teamId !== req.teamId) throw wrong('other_team', 'The decision was made by another team');
    if (!d.matches) throw wrong('other_person', 'The decision is about another person');
    if (d.decidedOn < osloDate(req.arrivedAt))
      throw wrong('before_request', 'The decision was made before the request arrived');
    return d;
  }
}
