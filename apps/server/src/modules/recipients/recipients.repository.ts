import { and, eq, sql } from 'drizzle-orm';
import {
  type EndService,
  type NewRecipient,
  type NextOfKinInput,
  type RecipientPatch,
  type RecordView,
  validateNationalId,
} from '@tillit/contracts';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, conflict, forbidden } from '../../http/errors.ts';
import { validOn } from '../../time/sql.ts';
import { readWithAccess, withRecordAccess, type Allowed } from '../access/index.ts';
import { canListTeamRecipients } from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import { refusal } from '../access/index.ts';
import { auditWriterFor } from '../audit/index.ts';
import { nextOfKin, recipients, recipientTeams } from './recipients.tables.ts';
import { cancelVisitsAfterService, lockVisitMaking } from '../care/index.ts';
import { teamMembersJson, teamMembersOf } from './team-members.ts';

/**
 * The record as JSON pairs next to `recipient r`: the person, serving teams, next of kin,
 * primary contact. Selected in one prepared statement (planned once per connection; planning
 * alone took ~2.5 ms of a ~4 ms read). «Who in the team does what» (teamMembers) is added
 * by the callers: from the team's cached list on reads, in the statement after writes.
 */
/** The actor's Oslo date, bound when the prepared statement runs. */
const todayParam = sql`${sql.placeholder('today')}::date`;
const recordPairs = sql`
        'id', r.id, 'givenName', r.given_name, 'familyName', r.family_name, 'birthDate', r.birth_date,
        'nationalId', r.national_id, 'addressLine', r.address_line, 'postalCode', r.postal_code, 'city', r.city,
        'lat', r.lat, 'lon', r.lon, 'phone', r.phone,
        'consentShareWithNextOfKin', r.consent_share_with_next_of_kin,
        'reservationAgainstSharing', r.reservation_against_sharing, 'reservationNote', r.reservation_note,
        'version', r.version, 'updatedAt', r.updated_at,
        'primaryContact', (SELECT json_build_object('staffId', s.id, 'name', s.given_name || ' ' || s.family_name,
                                                    'profession', s.profession, 'phone', s.phone)
                             FROM staff s WHERE s.id = r.primary_contact_staff_id),
        'teams', COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'validFrom', rt.valid_from) ORDER BY t.name)
                             FROM recipient_team rt JOIN team t ON t.id = rt.team_id
                            WHERE rt.recipient_id = r.id AND ${validOn('rt', todayParam)}), '[]'::json),
        'nextOfKin', COALESCE((SELECT json_agg(json_build_object('id', k.id, 'name', k.name, 'relation', k.relation,
                                                                'phone', k.phone, 'isClosest', k.is_closest)
                                              ORDER BY k.is_closest DESC, k.created_at)
                                 FROM next_of_kin k WHERE k.recipient_id = r.id), '[]'::json)`;

const servingTeams = sql`SELECT rt.team_id FROM recipient_team rt WHERE rt.recipient_id = r.id AND ${validOn('rt', todayParam)}`;
/** The whole record, team members included, as one JSON column (the write paths answer with it). */
const recordColumn = sql`json_build_object(${recordPairs}, 'teamMembers', ${teamMembersOf(servingTeams, todayParam)})`;

const parseRecord = (raw: unknown) => (typeof raw === 'string' ? JSON.parse(raw) : raw) as RecordView;

/** The record inside a write transaction, after the change. */
async function selectRecord(tx: DbOrTx, id: string, today: string) {
  const [row] = await tx
    .select({ record: recordColumn })
    .from(sql`recipient r`)
    .where(sql`r.id = ${sql.placeholder('recipientId')}`)
    .prepare('record_after_write')
    .execute({ recipientId: id, today });
  return parseRecord(row.record);
}

function accessView(d: Allowed) {
  return d.basis === 'emergency'
    ? { basis: d.basis, reason: d.reason, expiresAt: d.expiresAt.toISOString() }
    : { basis: d.basis };
}

/** Reads and writes of people's records, bound to the acting user; every call is checked and logged. */
export class RecordRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  /**
   * Reads a record as the JSON text of the response ({ record, access }): PostgreSQL already
   * builds the record as JSON, so the hot path passes its text through instead of parsing and
   * re-serialising it.
   */
  async readJson(id: string): Promise<string> {
    const { row, decision, facts } = await readWithAccess(this.db, this.actor, id, 'record.read', 'record_read_text', {
      record: sql`json_build_object(${recordPairs})::text`,
    });
    const members = await teamMembersJson(this.db, facts.servingTeamIds, this.actor.today);
    // The statement's object closes with "}": the member list goes in as its last field.
    const record = `${(row.record as string).slice(0, -1)}, "teamMembers" : ${members}}`;
    return `{"record":${record},"access":${JSON.stringify(accessView(decision))}}`;
  }

  update(id: string, patch: RecipientPatch) {
    return withRecordAccess(this.db, this.actor, id, 'record.update', 'write', async (tx, decision) => {
      const { version, ...changes } = patch;
      if (changes.primaryContactStaffId) await this.assertServingTeamMember(tx, id, changes.primaryContactStaffId);
      const updated = await tx
        .update(recipients)
        .set({ ...changes, version: sql`${recipients.version} + 1`, updatedAt: new Date() })
        .where(and(eq(recipients.id, id), eq(recipients.version, version)))
        .returning({ version: recipients.version });
      if (updated.length === 0) {
        // Someone saved first: show what is there now of the fields this change touches (and the
        // version to retry with), not the whole record; withRecordAccess logs what was shown.
        const [row] = await tx.select().from(recipients).where(eq(recipients.id, id));
        const current = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof changes]]));
        throw conflict('stale_version', 'The record was changed by someone else. Review their change and try again.', {
          current: { ...current, version: row.version },
        });
      }
      return {
        result: { record: await selectRecord(tx, id, this.actor.today), access: accessView(decision) },
        details: { fields: Object.keys(changes) },
      };
    });
  }

  addNextOfKin(id: string, input: NextOfKinInput) {
    return withRecordAccess(this.db, this.actor, id, 'record.nextOfKin.add', 'write', async (tx) => {
      if (input.isClosest) await tx.update(nextOfKin).set({ isClosest: false }).where(eq(nextOfKin.recipientId, id));
      const [row] = await tx
        .insert(nextOfKin)
        .values({
          recipientId: id,
          name: input.name,
          relation: input.relation,
          phone: input.phone ?? null,
          isClosest: input.isClosest,
        })
        .returning();
      await tx
        .update(recipients)
        .set({ version: sql`${recipients.version} + 1`, updatedAt: new Date() })
        .where(eq(recipients.id, id));
      return { result: row, details: { nextOfKinId: row.id } };
    });
  }

  /**
   * Registers a new person served by one of the actor's own teams (a member of it: the team takes
   * the person on). Anyone else is refused, and the refusal is in the log.
   */
  async create(input: NewRecipient) {
    if (!canListTeamRecipients(this.actor, input.teamId)) {
      const error = forbidden('not_team_member', 'You can register people only for a team you belong to');
      throw await refusal(this.db, this.actor, 'record.create', error, { teamId: input.teamId });
    }
    const { teamId, ...person } = input;
    const nationalId = person.nationalId.replace(/\s/g, '');
    try {
      return await this.db.transaction(async (tx) => {
        const birthDate = person.birthDate ?? derivedBirthDate(person.nationalId);
        const [row] = await tx
          .insert(recipients)
          .values({ ...person, nationalId, birthDate, phone: person.phone ?? null })
          .returning({ id: recipients.id });
        await tx.insert(recipientTeams).values({ recipientId: row.id, teamId, validFrom: this.actor.today });
        await appendAudit(tx, {
          at: new Date(),
          actorUserId: this.actor.userId,
          actorName: this.actor.displayName,
          action: 'record.create',
          recipientId: row.id,
          basis: 'care_relation',
          emergencyAccessId: null,
          details: { teamId },
        });
        return row;
      });
    } catch (err) {
      if (!isDuplicateNationalId(err)) throw err;
      throw await this.refuseDuplicate(nationalId, teamId);
    }
  }

  /**
   * The answer to a national identity number already registered tells the actor that this
   * person exists here, so the attempt is logged against that person (in its own committed
   * row: the failed insert's transaction is gone) and shows in their access log.
   */
  private async refuseDuplicate(nationalId: string, teamId: string) {
    const [existing] = await this.db
      .select({ id: recipients.id })
      .from(recipients)
      .where(eq(recipients.nationalId, nationalId));
    await auditWriterFor(this.db).append({
      at: new Date(),
      actorUserId: this.actor.userId,
      actorName: this.actor.displayName,
      action: 'record.create',
      recipientId: existing?.id ?? null,
      basis: 'denied',
      emergencyAccessId: null,
      details: { refused: 'national_id_registered', teamId },
    });
    return conflict(
      'national_id_registered',
      'A person with this national identity number is already registered. The team that serves them, or an administrator, can help.',
    );
  }

  /**
   * Ends one team's service to the person: the care relation ends on `lastDay`, and the person's
   * planned visits after it that no other serving team covers are cancelled (each with a new
   * version). Only a member of that team may (an act of the serving team: emergency access does
   * not cover it); refusals are logged.
   */
  async endService(id: string, input: EndService) {
    if (this.actor.role === 'member' && !this.actor.teamIds.includes(input.teamId)) {
      const error = forbidden('serving_team_only', 'Only the team itself can end its service');
      await this.audited(id, 'record.endService', { teamId: input.teamId, refused: error.code });
      throw error;
    }
    return withRecordAccess(this.db, this.actor, id, 'record.endService', 'serve', async (tx) => {
      if (input.lastDay < this.actor.today)
        throw badInput([{ field: 'lastDay', code: 'in_past', message: 'The last day cannot be in the past' }]);
      await lockVisitMaking(tx, [id]);
      const ended = await tx
        .update(recipientTeams)
        .set({ validUntil: input.lastDay })
        .where(
          and(
            eq(recipientTeams.recipientId, id),
            eq(recipientTeams.teamId, input.teamId),
            validOn(null, this.actor.today),
            sql`valid_from <= ${input.lastDay}::date`,
            sql`(valid_until IS NULL OR valid_until > ${input.lastDay}::date)`,
          ),
        )
        .returning({ id: recipientTeams.id });
      if (ended.length === 0)
        throw badInput([{ field: 'teamId', code: 'not_serving', message: 'That team does not serve the person now' }]);
      const cancelled = await cancelVisitsAfterService(tx, id, input.lastDay);
      return {
        result: { lastDay: input.lastDay, cancelledVisits: cancelled },
        details: { teamId: input.teamId, lastDay: input.lastDay, reason: input.reason, cancelled },
      };
    });
  }

  /** An audit row of its own (a refusal decided before any record was opened). */
  private audited(recipientId: string | null, action: string, details: Record<string, unknown>) {
    return this.db.transaction((tx) =>
      appendAudit(tx, {
        at: new Date(),
        actorUserId: this.actor.userId,
        actorName: this.actor.displayName,
        action,
        recipientId,
        basis: 'denied',
        emergencyAccessId: null,
        details,
      }),
    );
  }

  private async assertServingTeamMember(tx: DbOrTx, recipientId: string, staffId: string) {
    const res = await tx.execute(sql`
      SELECT 1 FROM team_membership m JOIN recipient_team rt ON rt.team_id = m.team_id
       WHERE rt.recipient_id = ${recipientId} AND m.staff_id = ${staffId}
         AND ${validOn('m', this.actor.today)}
         AND ${validOn('rt', this.actor.today)}
       LIMIT 1`);
    if (res.rows.length === 0) {
      throw badInput([
        {
          field: 'primaryContactStaffId',
          code: 'not_in_team',
          message: 'The primary contact must be a member of the serving team',
        },
      ]);
    }
  }
}

/** The unique index on the national identity number refused the insert. */
function isDuplicateNationalId(err: unknown): boolean {
  const cause = ((err as { cause?: unknown })?.cause ?? err) as { code?: string; constraint?: string };
  return cause?.code === '23505' && cause.constraint === 'recipient_national_id_unique';
}

function derivedBirthDate(nationalId: string): string {
  const r = validateNationalId(nationalId);
  if (!r.ok)
    throw badInput([
      { field: 'nationalId', code: `nationalId.${r.problem}`, message: 'Invalid national identity number' },
    ]);
  return r.birthDate;
}
