/**
 * Answers given before this installation kept them (the demo district's past year), filed the
 * way every answer is: a used-up link (or a pulse receipt) beside a held answer that knows only
 * its cell, then written to the results in shuffled batches by the ballot box (ballot.ts). Only
 * closed quarters: a running quarter's results are never shown, so nothing may be filed in one
 * behind the ballot box's back. Each answer passes the same schema as a real one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { answerBody, pulseBody } from '@tillit/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { BOX_LOCK, shuffle, writeDue } from './ballot.ts';
import { pulseBox } from './pulse.repository.ts';
import { pulseHeld, pulseReceipts } from './pulse.tables.ts';
import { isClosed } from './quarters.ts';
import { surveyBox } from './surveys.repository.ts';
import { surveyHeld, surveyLinks } from './surveys.tables.ts';

export interface PastSurveyAnswer {
  teamId: string;
  recipientId: string;
  quarter: string;
  channel: 'tablet' | 'link' | 'phone';
  respondent: 'person' | 'next_of_kin';
  answers: Record<string, number | null>;
  openAnswer?: string;
  /** The team member who made the link, and when: the link is used up within the quarter. */
  askedBy: string;
  askedAt: Date;
}
export interface PastPulseAnswer {
  userId: string;
  districtId: string;
  teamId: string | null;
  level: 'team' | 'leader';
  quarter: string;
  answers: Record<string, number | null>;
}

const LIFETIME_HOURS = { tablet: 2, phone: 2, link: 24 * 30 } as const;
const chunks = <T>(xs: T[], n = 500) =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Refuses an answer of a quarter not closed at `now`, or one a real answer could not be. */
function check(quarter: string, now: Date, valid: boolean) {
  if (!isClosed(quarter, now)) throw new Error(`Past answers go only into closed quarters, not ${quarter}`);
  if (!valid) throw new Error('A past answer must be one the survey or pulse would take');
}

/** Files past answers through the ballot boxes; returns how many reached the results. */
export async function filePastAnswers(
  db: Db,
  now: Date,
  past: { survey: PastSurveyAnswer[]; pulse: PastPulseAnswer[] },
): Promise<{ survey: number; pulse: number }> {
  for (const a of past.survey)
    check(
      a.quarter,
      now,
      answerBody.safeParse({ respondent: a.respondent, answers: a.answers, openAnswer: a.openAnswer }).success,
    );
  for (const a of past.pulse) check(a.quarter, now, pulseBody.safeParse({ answers: a.answers }).success);
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${BOX_LOCK.survey}::bigint)`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${BOX_LOCK.pulse}::bigint)`);
    for (const part of chunks(past.survey)) {
      await tx.insert(surveyLinks).values(
        part.map((a) => ({
          tokenHash: createHash('sha256').update(randomBytes(24)).digest('hex'), // the token is never known
          recipientId: a.recipientId,
          teamId: a.teamId,
          channel: a.channel,
          createdBy: a.askedBy,
          createdAt: a.askedAt,
          expiresAt: new Date(a.askedAt.getTime() + LIFETIME_HOURS[a.channel] * 3_600_000),
          usedAt: new Date(a.askedAt.getTime() + 20 * 60_000),
        })),
      );
      // Held in an order of their own, not the links': the box shuffles again when it writes.
      await tx.insert(surveyHeld).values(
        shuffle(part).map((a) => ({
          teamId: a.teamId,
          quarter: a.quarter,
          channel: a.channel,
          respondent: a.respondent,
          answers: a.answers,
          openAnswer: a.openAnswer || null,
        })),
      );
    }
    for (const part of chunks(past.pulse)) {
      await tx.insert(pulseReceipts).values(part.map((a) => ({ userId: a.userId, quarter: a.quarter })));
      await tx.insert(pulseHeld).values(
        shuffle(part).map(({ districtId, teamId, level, quarter, answers }) => ({
          districtId,
          teamId,
          level,
          quarter,
          answers,
        })),
      );
    }
  });
  return { survey: await writeDue(db, surveyBox, now), pulse: await writeDue(db, pulseBox, now) };
}
