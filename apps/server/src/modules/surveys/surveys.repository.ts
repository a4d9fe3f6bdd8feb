import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, notFound } from '../../http/errors.ts';
import type { Clock } from '../../time/clock.ts';
import { validOn } from '../../time/sql.ts';
import { withRecordAccess } from '../access/index.ts';
import { teamForActor } from '../access/index.ts';
import { type BallotBox, BOX_LOCK, holdAnswer, writeDue, writeDueAfterAnswer } from './ballot.ts';
import { closesOn, isClosed } from './quarters.ts';
import { SURVEY_ITEMS } from '@tillit/contracts';
import { aggregate } from './surveys.results.ts';
import type { AnswerInput } from '@tillit/contracts';
import { surveyHeld, surveyLinks, surveyResponses } from './surveys.tables.ts';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const LIFETIME_HOURS = { tablet: 2, phone: 2, link: 24 * 30 } as const;

/** A team member invites a person served (or their next of kin) to answer; logged on the record. */
export function invite(db: Db, actor: Actor, recipientId: string, channel: keyof typeof LIFETIME_HOURS) {
  // Only the serving team asks: the link is filed under its team, so emergency access cannot make one.
  return withRecordAccess(db, actor, recipientId, 'survey.invite', 'serve', async (tx) => {
    const [team] = (
      await tx.execute(sql`SELECT rt.team_id AS id FROM recipient_team rt WHERE rt.recipient_id = ${recipientId}
        AND rt.team_id = ANY(${`{${actor.teamIds.join(',')}}`}::uuid[])
        AND ${validOn('rt', actor.today)} LIMIT 1`)
    ).rows as { id: string }[];
    const token = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + LIFETIME_HOURS[channel] * 3600_000);
    await tx
      .insert(surveyLinks)
      .values({ tokenHash: hash(token), recipientId, teamId: team.id, channel, createdBy: actor.userId, expiresAt });
    return { result: { token, path: `/survey/${token}`, expiresAt: expiresAt.toISOString() }, details: { channel } };
  });
}

/**
 * A link the person (or their next of kin with consent) makes for themself on «Min side»
 * (modules/portal checks who they are and writes the audit row). Filed under a team serving
 * the person today, like a team's invitation; the answer stays anonymous the same way.
 */
export async function portalInvite(db: DbOrTx, recipientId: string, userId: string, today: string) {
  const [team] = (
    await db.execute(sql`SELECT rt.team_id AS id FROM recipient_team rt WHERE rt.recipient_id = ${recipientId}
      AND ${validOn('rt', today)} ORDER BY rt.valid_from LIMIT 1`)
  ).rows as { id: string }[];
  if (!team) throw conflict('not_served', 'No team serves you today, so there is no survey to answer');
  const token = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + LIFETIME_HOURS.link * 3600_000);
  await db
    .insert(surveyLinks)
    .values({ tokenHash: hash(token), recipientId, teamId: team.id, channel: 'link', createdBy: userId, expiresAt });
  return { path: `/survey/${token}` };
}

async function openLink(db: DbOrTx, token: string) {
  const [link] = await db
    .select()
    .from(surveyLinks)
    .where(eq(surveyLinks.tokenHash, hash(token)));
  if (!link || link.expiresAt < new Date()) throw notFound('Survey link');
  if (link.usedAt) throw conflict('already_answered', 'This survey has already been answered. Thank you!');
  return link;
}

/** What the survey page needs: the items in both languages. Nothing about the person. */
export async function surveyForm(db: Db, token: string) {
  const link = await openLink(db, token);
  return { channel: link.channel, items: SURVEY_ITEMS.map(({ id, nb, en }) => ({ id, nb, en })) };
}

/** The survey's ballot box: held answers are written to `survey_response` in shuffled batches. */
export const surveyBox: BallotBox<typeof surveyHeld.$inferSelect> = {
  lock: BOX_LOCK.survey,
  list: (tx) => tx.select({ id: surveyHeld.id, cell: surveyHeld.teamId, quarter: surveyHeld.quarter }).from(surveyHeld),
  take: (tx, ids) => tx.delete(surveyHeld).where(inArray(surveyHeld.id, ids)).returning(),
  write: async (tx, rows) => {
    await tx.insert(surveyResponses).values(rows.map(({ id: _id, ...answer }) => answer));
  },
};

/**
 * Takes an anonymous answer: in one transaction the link is used up (a second submit gets 409)
 * and the answer goes into the ballot box with only its team, quarter and channel; it reaches
 * `survey_response` later, in a shuffled batch (ballot.ts). An empty answer is refused by the
 * schema and uses up nothing.
 */
export async function submit(db: Db, token: string, input: AnswerInput, clock: Clock) {
  await holdAnswer(db, BOX_LOCK.survey, clock, async (tx, quarter) => {
    const used = await tx
      .update(surveyLinks)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(surveyLinks.tokenHash, hash(token)),
          sql`${surveyLinks.usedAt} IS NULL`,
          sql`${surveyLinks.expiresAt} > now()`,
        ),
      )
      .returning({ teamId: surveyLinks.teamId, channel: surveyLinks.channel });
    if (used.length === 0) await openLink(tx, token); // throws the right 404 or 409
    const link = used[0];
    if (!link) throw conflict('already_answered', 'This survey has already been answered. Thank you!');
    await tx.insert(surveyHeld).values({
      teamId: link.teamId,
      quarter,
      channel: link.channel,
      respondent: input.respondent,
      answers: input.answers,
      openAnswer: input.openAnswer || null,
    });
  });
  await writeDueAfterAnswer(db, surveyBox, clock.now());
  return { ok: true as const };
}

/**
 * Makes the results of quarters closed at `now` complete (writes every held answer of a closed
 * quarter). Call before reading results.
 */
export async function settleSurveys(db: Db, now: Date): Promise<void> {
  await writeDue(db, surveyBox, now);
}

/**
 * A team's results for one whole, closed quarter, suppressed under MIN_GROUP answers. The open
 * answers' text goes only to the team's own members; leaders and administrators get the
 * themes (counts) instead, since a sentence can identify its writer (themes.ts).
 */
export async function teamResults(db: Db, actor: Actor, teamId: string, quarter: string) {
  await teamForActor(db, actor, teamId, 'team.surveyResults');
  await settleSurveys(db, actor.now);
  return quarterResults(db, actor, teamId, quarter);
}

/**
 * As teamResults, without the access check (callers check first) and after `settleSurveys`.
 * A quarter still running (or closed less than SETTLE_MS ago) shows nothing but when it opens:
 * its results before and after one answer would tell that answer.
 */
export async function quarterResults(db: Db, actor: Actor, teamId: string, quarter: string) {
  if (!isClosed(quarter, actor.now)) return { quarter, open: true as const, closesOn: closesOn(quarter) };
  const responses = await db
    .select({ answers: surveyResponses.answers, openAnswer: surveyResponses.openAnswer })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.teamId, teamId), eq(surveyResponses.quarter, quarter)));
  const result = aggregate(responses);
  const ownTeam = actor.role === 'member' && actor.teamIds.includes(teamId);
  if (!result.suppressed && !ownTeam) return { quarter, ...result, openAnswers: null };
  return { quarter, ...result };
}
