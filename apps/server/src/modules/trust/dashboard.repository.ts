import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { forbidden } from '../../http/errors.ts';
import { teams } from '../organisation/organisation.tables.ts';
import { quarterOf } from '../surveys/surveys.items.ts';
import { quarterResults } from '../surveys/surveys.repository.ts';
import { agenda, compare } from './agenda.ts';
import { indicatorsForTeams } from './indicators.repository.ts';
import { refusal, teamForActor } from './team.access.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const DAY = 86_400_000;

/** The period of the same length just before [from, to]. */
export function previousPeriod(from: string, to: string) {
  const length = Date.parse(to) - Date.parse(from);
  const prevTo = new Date(Date.parse(from) - DAY);
  return { from: iso(new Date(prevTo.getTime() - length)), to: iso(prevTo) };
}

/** The last `n` calendar months up to today (the current month so far), oldest first. */
export function lastMonths(n: number, today = new Date()) {
  return Array.from({ length: n }, (_, i) => {
    const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - (n - 1 - i), 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    return { month: iso(start).slice(0, 7), from: iso(start), to: iso(end < today ? end : today) };
  });
}

/** The last `n` calendar quarters, oldest first. */
export function lastQuarters(n: number, today = new Date()) {
  return Array.from({ length: n }, (_, i) =>
    quarterOf(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 3 * (n - 1 - i), 1))),
  );
}

/**
 * The team's dashboard: its indicators month by month and its survey results quarter by
 * quarter (each quarter suppressed under five answers on its own). Team-level only.
 */
export async function teamDashboard(db: Db, actor: Actor, teamId: string, months: number) {
  const team = await teamForActor(db, actor, teamId, 'team.dashboard');
  const periods = lastMonths(months);
  const series = await Promise.all(
    periods.map(async (p) => ({ month: p.month, ...(await indicatorsForTeams(db, [team], p.from, p.to))[0] })),
  );
  const quarters = await Promise.all(lastQuarters(4).map((q) => quarterResults(db, actor, team.id, q)));
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
  const quarter = quarterOf(new Date(`${to}T12:00:00Z`));
  const [now, before, surveys] = await Promise.all([
    indicatorsForTeams(db, teamList, from, to),
    indicatorsForTeams(db, teamList, previous.from, previous.to),
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
        survey: s.suppressed
          ? { suppressed: true as const }
          : { suppressed: false as const, responses: s.responses, themes: s.themes },
      };
    }),
  };
}
