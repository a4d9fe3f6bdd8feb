import { addDays, daysBetween, monthStart, quarterOf } from '@tillit/contracts';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { teams } from '../organisation/organisation.readmodel.ts';
import { quarterResults, settleSurveys } from '../surveys/index.ts';
import { agenda, compare } from './agenda.ts';
import { indicatorsForTeams } from './indicators.repository.ts';
import { refusal, teamForActor } from '../access/index.ts';

/** The period of the same length just before [from, to]. */
export function previousPeriod(from: string, to: string) {
  const prevTo = addDays(from, -1);
  return { from: addDays(prevTo, -daysBetween(from, to)), to: prevTo };
}

/** The last `n` calendar months up to `today` (an Oslo date; the current month so far), oldest first. */
export function lastMonths(n: number, today: string) {
  return Array.from({ length: n }, (_, i) => {
    const from = monthStart(today, -(n - 1 - i));
    const end = addDays(monthStart(from, 1), -1);
    return { month: from.slice(0, 7), from, to: end < today ? end : today };
  });
}

/** The last `n` calendar quarters up to the one `today` (an Oslo date) falls in, oldest first. */
export function lastQuarters(n: number, today: string) {
  return Array.from({ length: n }, (_, i) => quarterOf(monthStart(today, -3 * (n - 1 - i))));
}

/**
 * The team's dashboard: its indicators month by month and its survey results quarter by
 * quarter (each quarter suppressed under five answers on its own). Team-level only.
 */
export async function teamDashboard(db: Db, actor: Actor, teamId: string, months: number) {
  const team = await teamForActor(db, actor, teamId, 'team.dashboard');
  const periods = lastMonths(months, actor.today);
  const series = await Promise.all(
    periods.map(async (p) => ({
      month: p.month,
      ...(await indicatorsForTeams(db, [team], p.from, p.to, actor.today))[0],
    })),
  );
  await settleSurveys(db, actor.now);
  const quarters = await Promise.all(lastQuarters(4, actor.today).map((q) => quarterResults(db, actor, team.id, q)));
  return { team: { id: team.id, name: team.name }, months: series, quarters };
}

/**
 * The leader's comparison of the district's teams for dialogue meetings: each team's figures
 * for the period and the one before it, what changed (agenda.ts), and the themes of the open
 * answers for the quarter the period ends in (counts only, and only for ≥ 5 answers).
 * Leaders of the district and administrators only; a refusal is logged.
 */
export async function comparison(db: Db, actor: Actor, from: string, to: string) {
  if ((actor.role !== 'leader' && actor.role !== 'admin') || !actor.districtId)
    throw await refusal(
      db,
      actor,
      'trust.comparison',
      forbidden('leaders_only', 'The comparison is for the district’s leaders'),
    );
  const teamList = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.districtId, actor.districtId))
    .orderBy(asc(teams.name));
  const previous = previousPeriod(from, to);
  const quarter = quarterOf(to);
  await settleSurveys(db, actor.now);
  const [now, before, surveys] = await Promise.all([
    indicatorsForTeams(db, teamList, from, to, actor.today),
    indicatorsForTeams(db, teamList, previous.from, previous.to, actor.today),
    Promise.all(teamList.map((t) => quarterResults(db, actor, t.id, quarter))),
  ]);
  return {
    period: { from, to },
    previous,
    quarter,
    teams: teamList.map((t, k) => {
      const changes = compare(now[k], before[k]);
      const s = surveys[k];
      return {
        team: t,
        current: now[k],
        previous: before[k],
        changes,
        agenda: agenda(changes),
        survey:
          s.open === true
            ? { open: true as const, closesOn: s.closesOn }
            : s.suppressed
              ? { suppressed: true as const }
              : { suppressed: false as const, responses: s.responses, themes: s.themes },
      };
    }),
  };
}
