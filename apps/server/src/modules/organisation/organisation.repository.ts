import { eq, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, forbidden, notFound } from '../../http/errors.ts';
import { canListTeamRecipients, canManageCompetences, canSeeTeam } from '../access/index.ts';
import { validOn } from '../../time/sql.ts';
import { auditWriterFor } from '../audit/index.ts';
import { refusal } from '../access/index.ts';
import { competenceTypes, staff, staffCompetences, teams } from './organisation.tables.ts';
import type { CompetenceInput, TeamMember, TeamRecipient } from '@tillit/contracts';

/** Teams, staff and competences as the acting user may see them. */
export class OrganisationRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  /** Teams the actor may see, with head counts. */
  async listTeams() {
    const a = this.actor;
    const scope =
      a.role === 'admin'
        ? sql`true`
        : a.role === 'leader'
          ? sql`t.district_id = ${a.districtId}`
          : a.teamIds.length
            ? sql`t.id IN (${sql.join(
                a.teamIds.map((id) => sql`${id}`),
                sql`, `,
              )})`
            : sql`false`;
    const res = await this.db.execute(sql`
      SELECT t.id, t.name, t.area_name AS "areaName", d.name AS "districtName",
             (SELECT count(*)::int FROM team_membership m WHERE m.team_id = t.id AND ${validOn('m', this.actor.today)}) AS "memberCount",
             (SELECT count(*)::int FROM recipient_team rt WHERE rt.team_id = t.id AND ${validOn('rt', this.actor.today)}) AS "recipientCount"
        FROM team t JOIN district d ON d.id = t.district_id
       WHERE ${scope}
       ORDER BY t.name`);
    return rowsOf<{
      id: string;
      name: string;
      areaName: string;
      districtName: string;
      memberCount: number;
      recipientCount: number;
    }>(res);
  }

  /** One team: members with profession and valid competences. Team-level data, no records. */
  async getTeam(id: string) {
    const [team] = await this.db.select().from(teams).where(eq(teams.id, id));
    if (!team) throw notFound('Team');
    if (!canSeeTeam(this.actor, team))
      throw await refusal(this.db, this.actor, 'team.read', forbidden('not_your_team', 'You cannot see this team'), {
        teamId: id,
      });
    const members = await this.db.execute(sql`
      SELECT s.id AS "staffId", s.given_name || ' ' || s.family_name AS name, s.profession, s.phone,
             m.valid_from AS "memberFrom",
             COALESCE((SELECT json_agg(json_build_object('code', c.competence_code, 'validUntil', c.valid_until)
                                       ORDER BY c.competence_code)
                         FROM staff_competence c WHERE c.staff_id = s.id AND ${validOn('c', this.actor.today)}), '[]'::json) AS competences
        FROM team_membership m JOIN staff s ON s.id = m.staff_id
       WHERE m.team_id = ${id} AND ${validOn('m', this.actor.today)}
       ORDER BY s.profession, s.given_name`);
    const [{ count }] = rowsOf<{ count: number }>(
      await this.db.execute(sql`SELECT count(*)::int AS count FROM recipient_team rt WHERE rt.team_id = ${id}
        AND ${validOn('rt', this.actor.today)}`),
    );
    return {
      id: team.id,
      name: team.name,
      areaName: team.areaName,
      area: team.area,
      members: rowsOf<Omit<TeamMember, 'competences'> & { competences: TeamMember['competences'] | string }>(
        members,
      ).map((m) => ({
        ...m,
        competences: typeof m.competences === 'string' ? JSON.parse(m.competences) : m.competences,
      })),
      recipientCount: count,
      canSeeRecipients: canListTeamRecipients(this.actor, id),
    };
  }

  /**
   * The people the team serves, for its members only. Names and addresses are personal data,
   * so the read is logged: one row listing every person shown.
   */
  async listTeamRecipients(teamId: string) {
    if (!canListTeamRecipients(this.actor, teamId)) {
      const error = forbidden('not_team_member', 'Only members of the team see the people it serves');
      throw await refusal(this.db, this.actor, 'team.recipients.list', error, { teamId });
    }
    // One read, then its audit row committed before the list is released (as readWithAccess).
    const res = await this.db.execute(sql`
      SELECT r.id, r.given_name AS "givenName", r.family_name AS "familyName", r.birth_date AS "birthDate",
             r.address_line AS "addressLine", r.postal_code AS "postalCode", r.city,
             s.given_name || ' ' || s.family_name AS "primaryContactName"
        FROM recipient_team rt JOIN recipient r ON r.id = rt.recipient_id
        LEFT JOIN staff s ON s.id = r.primary_contact_staff_id
       WHERE rt.team_id = ${teamId} AND ${validOn('rt', this.actor.today)}
       ORDER BY r.family_name, r.given_name`);
    const people = rowsOf<TeamRecipient>(res);
    await auditWriterFor(this.db).append({
      at: new Date(),
      actorUserId: this.actor.userId,
      actorName: this.actor.displayName,
      action: 'team.recipients.list',
      recipientId: null,
      basis: 'care_relation',
      emergencyAccessId: null,
      details: { teamId, recipients: people.map((p) => p.id) },
    });
    return people;
  }

  listCompetenceTypes() {
    return this.db.select().from(competenceTypes).orderBy(competenceTypes.nameNb);
  }

  /** Registers a competence (delegation) with its validity; leaders of the district and admins only. */
  async addCompetence(staffId: string, input: CompetenceInput) {
    const [person] = await this.db.select().from(staff).where(eq(staff.id, staffId));
    if (!person) throw notFound('Staff member');
    if (!canManageCompetences(this.actor, person.districtId)) {
      throw forbidden('not_allowed', 'Only leaders and administrators register competences');
    }
    const [known] = await this.db.select().from(competenceTypes).where(eq(competenceTypes.code, input.competenceCode));
    if (!known) {
      throw badInput([
        { field: 'competenceCode', code: 'unknown_competence', message: `Unknown competence: ${input.competenceCode}` },
      ]);
    }
    const [row] = await this.db
      .insert(staffCompetences)
      .values({
        staffId,
        competenceCode: input.competenceCode,
        validFrom: input.validFrom,
        validUntil: input.validUntil ?? null,
      })
      .returning();
    return row;
  }
}
