import type { ReportingItem, ReportingItemInput, ReportingProposalInput, ReportingRegister } from '@tillit/contracts';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, conflict, forbidden, notFound } from '../../http/errors.ts';
import { refusal } from '../access/index.ts';
import { users } from '../accounts/accounts.readmodel.ts';
import { districts, municipalities, teams } from '../organisation/organisation.readmodel.ts';
import { hoursAfterFor, registerTotals, sideOf } from './reporting.rules.ts';
import { reportingEstimates, reportingItems } from './reporting.tables.ts';

type ItemRow = typeof reportingItems.$inferSelect;

/**
 * The register belongs to the municipality: the actor's district's, else their team's; an
 * installation with one municipality serves it to users placed nowhere yet (administrators).
 */
async function municipalityOf(db: DbOrTx, actor: Actor): Promise<string> {
  if (actor.districtId) {
    const [d] = await db
      .select({ id: districts.municipalityId })
      .from(districts)
      .where(eq(districts.id, actor.districtId));
    if (d) return d.id;
  }
  if (actor.teamIds.length > 0) {
    const [d] = await db
      .select({ id: districts.municipalityId })
      .from(teams)
      .innerJoin(districts, eq(districts.id, teams.districtId))
      .where(inArray(teams.id, actor.teamIds));
    if (d) return d.id;
  }
  const all = await db.select({ id: municipalities.id }).from(municipalities).limit(2);
  if (all.length === 1) return all[0].id;
  throw forbidden('no_municipality', 'Your account belongs to no municipality yet');
}

/** One item as the register shows it; hours now are the sum of the teams' estimates. */
async function present(db: DbOrTx, rows: ItemRow[]): Promise<ReportingItem[]> {
  if (rows.length === 0) return [];
  const estimates = await db
    .select({
      itemId: reportingEstimates.itemId,
      teamId: reportingEstimates.teamId,
      teamName: teams.name,
      hoursPerMonth: reportingEstimates.hoursPerMonth,
    })
    .from(reportingEstimates)
    .innerJoin(teams, eq(teams.id, reportingEstimates.teamId))
    .where(
      inArray(
        reportingEstimates.itemId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(teams.name));
  const proposers = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(
      inArray(
        users.id,
        rows.flatMap((r) => (r.proposedBy ? [r.proposedBy] : [])),
      ),
    );
  const roleOf = new Map(proposers.map((u) => [u.id, u.role]));
  return rows.map((r) => {
    const own = estimates.filter((e) => e.itemId === r.id);
    const role = r.proposedBy ? roleOf.get(r.proposedBy) : undefined;
    return {
      id: r.id,
      title: r.title,
      kind: r.kind,
      askedBy: r.askedBy,
      informs: r.informs,
      legalBasis: r.legalBasis,
      namedAt: r.namedAt.toISOString(),
      status: r.status,
      outcome: r.outcome,
      reason: r.reason,
      proposedBySide: role ? sideOf(role) : null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      hoursNow: Math.round(own.reduce((sum, e) => sum + e.hoursPerMonth, 0) * 10) / 10,
      hoursAfter: r.hoursAfter,
      estimates: own.map(({ teamId, teamName, hoursPerMonth }) => ({ teamId, teamName, hoursPerMonth })),
      version: r.version,
    };
  });
}

/**
 * The reporting register, bound to the actor. Everyone in the municipality reads it and may name
 * an item; a team estimates only its own hours; a decision is proposed by one side and confirmed
 * by the other (reporting.rules.ts), each step guarded by the item's version.
 */
export class ReportingRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  async register(): Promise<ReportingRegister> {
    const municipalityId = await municipalityOf(this.db, this.actor);
    const rows = await this.db
      .select()
      .from(reportingItems)
      .where(eq(reportingItems.municipalityId, municipalityId))
      .orderBy(
        sql`CASE ${reportingItems.status} WHEN 'proposed' THEN 0 WHEN 'open' THEN 1 ELSE 2 END`,
        asc(reportingItems.namedAt),
      );
    const items = await present(this.db, rows);
    return { items, totals: registerTotals(items) };
  }

  async name(input: ReportingItemInput): Promise<ReportingItem> {
    if (input.estimate) await this.assertOwnTeam(input.estimate.teamId, 'reporting.estimate');
    const municipalityId = await municipalityOf(this.db, this.actor);
    const row = await this.db.transaction(async (tx) => {
      const [item] = await tx
        .insert(reportingItems)
        .values({
          municipalityId,
          title: input.title,
          kind: input.kind,
          askedBy: input.askedBy,
          informs: input.informs,
          legalBasis: input.legalBasis ?? null,
          namedBy: this.actor.userId,
          namedAt: this.actor.now,
        })
        .returning();
      if (input.estimate) {
        await tx.insert(reportingEstimates).values({
          itemId: item.id,
          teamId: input.estimate.teamId,
          hoursPerMonth: input.estimate.hoursPerMonth,
          estimatedBy: this.actor.userId,
          estimatedAt: this.actor.now,
        });
      }
      return item;
    });
    return (await present(this.db, [row]))[0];
  }

  async estimate(itemId: string, teamId: string, hoursPerMonth: number): Promise<ReportingItem> {
    await this.assertOwnTeam(teamId, 'reporting.estimate');
    const item = await this.item(itemId);
    if (item.status === 'decided') throw conflict('already_decided', 'The decision is made; the hours are settled');
    await this.db
      .insert(reportingEstimates)
      .values({ itemId, teamId, hoursPerMonth, estimatedBy: this.actor.userId, estimatedAt: this.actor.now })
      .onConflictDoUpdate({
        target: [reportingEstimates.itemId, reportingEstimates.teamId],
        set: { hoursPerMonth, estimatedBy: this.actor.userId, estimatedAt: this.actor.now },
      });
    return (await present(this.db, [await this.item(itemId)]))[0];
  }

  async propose(itemId: string, input: ReportingProposalInput): Promise<ReportingItem> {
    const [current] = await present(this.db, [await this.item(itemId)]);
    if (current.status === 'decided') throw conflict('already_decided', 'This item is already decided');
    const after = hoursAfterFor(input.outcome, current.hoursNow, input.hoursAfter);
    if ('field' in after) throw badInput([{ field: after.field, code: 'hours_after', message: after.message }]);
    return this.guardedUpdate(itemId, input.version, sql`${reportingItems.status} <> 'decided'`, {
      status: 'proposed',
      outcome: input.outcome,
      reason: input.reason,
      hoursAfter: after.hours,
      proposedBy: this.actor.userId,
      proposedAt: this.actor.now,
    });
  }

  async confirm(itemId: string, version: number): Promise<ReportingItem> {
    const [current] = await present(this.db, [await this.item(itemId)]);
    if (current.status !== 'proposed') throw conflict('nothing_proposed', 'There is no proposal to confirm');
    if (current.proposedBySide === sideOf(this.actor.role))
      throw conflict('same_side', 'The other side confirms: a team member confirms a leader, a leader a team');
    return this.guardedUpdate(itemId, version, sql`${reportingItems.status} = 'proposed'`, {
      status: 'decided',
      confirmedBy: this.actor.userId,
      decidedAt: this.actor.now,
    });
  }

  /** The change applies only to the version the caller saw: of two confirming at once, one wins. */
  private async guardedUpdate(
    itemId: string,
    version: number,
    state: ReturnType<typeof sql>,
    changes: Partial<ItemRow>,
  ): Promise<ReportingItem> {
    const [row] = await this.db
      .update(reportingItems)
      .set({ ...changes, version: sql`${reportingItems.version} + 1` })
      .where(and(eq(reportingItems.id, itemId), eq(reportingItems.version, version), state))
      .returning();
    if (!row) {
      const [now] = await present(this.db, [await this.item(itemId)]);
      throw conflict('stale_version', 'Someone changed this item first. Look at it again.', { current: now });
    }
    return (await present(this.db, [row]))[0];
  }

  private async item(itemId: string): Promise<ItemRow> {
    const municipalityId = await municipalityOf(this.db, this.actor);
    const [row] = await this.db
      .select()
      .from(reportingItems)
      .where(and(eq(reportingItems.id, itemId), eq(reportingItems.municipalityId, municipalityId)));
    if (!row) throw notFound('Register item');
    return row;
  }

  /** Only a team's own members estimate its hours; others are refused and the refusal logged. */
  private async assertOwnTeam(teamId: string, action: string) {
    const [team] = await this.db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
    if (!team) throw notFound('Team');
    if (this.actor.role !== 'member' || !this.actor.teamIds.includes(teamId))
      throw await refusal(
        this.db,
        this.actor,
        action,
        forbidden('not_your_team', 'Only the team estimates its hours'),
        {
          teamId,
        },
      );
  }
}
