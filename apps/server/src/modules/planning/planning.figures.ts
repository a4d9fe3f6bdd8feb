/**
 * Figures a team compares before and after planning: distinct helpers per person over the
 * period, visits starting inside the agreed window, travel, and workload per helper. Computed
 * over every visit of the period (also those kept as they are), so "this fortnight" means the
 * whole fortnight.
 *
 * Travel, distinct helpers and unassigned visits come from the optimizer's checker
 * (`checkSolution`), the one implementation of plan figures: the visits are turned into a
 * `tillit-homecare/1` problem and the assignments into a plan. Only what the checker does not
 * report is counted here: the visits started inside their window and each helper's workload.
 */
import type { PlanFigures } from '@tillit/contracts';
import { checkSolution, type Problem, type Route, type Solution, travelMatrix } from '@tillit/optimizer';

export const TRAVEL = { speedKmh: 25, detourFactor: 1.4 } as const;

export interface FigureVisit {
  recipientId: string;
  date: string;
  windowStart: number;
  windowEnd: number;
  duration: number;
  helpers: string[];
  /** Planned start; null = not timed yet (the route is then simulated in window order). */
  start: number | null;
}

export type { PlanFigures };

type Point = { lat: number; lon: number };

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const BASE = 'base';
const placeOf = (recipientId: string) => `r:${recipientId}`;

/** One helper's day: the visits in the order they are done. */
interface HelperDay {
  staffId: string;
  date: string;
  visits: number[];
}

/** The helpers' days in the order first met, each sorted by start (or window when untimed). */
function helperDays(visits: FigureVisit[]): HelperDay[] {
  const days = new Map<string, HelperDay>();
  visits.forEach((v, i) => {
    for (const staffId of v.helpers) {
      const key = `${staffId}|${v.date}`;
      const day = days.get(key);
      if (day) day.visits.push(i);
      else days.set(key, { staffId, date: v.date, visits: [i] });
    }
  });
  const startOf = (v: FigureVisit) => v.start ?? v.windowStart;
  for (const day of days.values())
    day.visits.sort((a, b) => startOf(visits[a]) - startOf(visits[b]) || visits[a].windowStart - visits[b].windowStart);
  return [...days.values()];
}

/** The visits as a problem the checker reads: one place per person, the team's base, whole-day shifts. */
function problemOf(
  visits: FigureVisit[],
  where: (recipientId: string) => Point,
  base: Point,
  dates: string[],
): Problem {
  const people = [...new Set(visits.map((v) => v.recipientId))];
  const helpers = [...new Set(visits.flatMap((v) => v.helpers))];
  const dayOf = new Map(dates.map((d, i) => [d, i]));
  return {
    format: 'tillit-homecare/1',
    name: 'plan figures',
    days: dates.length,
    travel: { model: 'haversine', ...TRAVEL },
    // Only the coordinates: the caller's point may be a whole person row, whose own `id` must not
    // replace the place's (it once did, and every travel figure came out NaN).
    locations: [
      { id: BASE, lat: base.lat, lon: base.lon },
      ...people.map((id) => {
        const { lat, lon } = where(id);
        return { id: placeOf(id), lat, lon };
      }),
    ],
    // Shifts cover the whole day: the figures describe the plan as it is, feasible or not.
    staff: helpers.map((id) => ({
      id,
      skills: [],
      start: BASE,
      end: BASE,
      shifts: dates.map((_, day) => ({ day, start: 0, end: 2 * 1440 })),
    })),
    recipients: people.map((id) => ({ id, location: placeOf(id) })),
    visits: visits.map((v, i) => ({
      id: String(i),
      recipient: v.recipientId,
      day: dayOf.get(v.date)!,
      earliest: v.windowStart,
      latest: v.windowEnd,
      duration: v.duration,
      staff: Math.max(1, v.helpers.length),
    })),
  };
}

export function planFigures(visits: FigureVisit[], where: (recipientId: string) => Point, base: Point): PlanFigures {
  const dates = [...new Set(visits.map((v) => v.date))].sort();
  const problem = problemOf(visits, where, base, dates);
  const matrix = travelMatrix(problem);
  const n = problem.locations.length;
  const place = new Map(problem.locations.map((l, i) => [l.id, i]));
  const dayOf = new Map(dates.map((d, i) => [d, i]));

  // Untimed visits start when the helper arrives, not before the window opens.
  const startAt = new Map<FigureVisit, number>();
  const work = new Map<string, { visits: number; minutes: number }>();
  const routes: Route[] = helperDays(visits).map(({ staffId, date, visits: order }) => {
    let at = place.get(BASE)!;
    let clock = -Infinity;
    const w = work.get(staffId) ?? { visits: 0, minutes: 0 };
    work.set(staffId, w);
    const stops = order.map((i) => {
      const v = visits[i];
      const here = place.get(placeOf(v.recipientId))!;
      const start = v.start ?? Math.max(v.windowStart, clock + matrix[at * n + here]);
      clock = start + v.duration;
      at = here;
      w.visits++;
      w.minutes += v.duration;
      if (!startAt.has(v)) startAt.set(v, start);
      return { visit: String(i), start };
    });
    return { staff: staffId, day: dayOf.get(date)!, stops };
  });
  const solution: Solution = {
    format: 'tillit-solution/1',
    problem: problem.name,
    routes,
    unassigned: visits.flatMap((v, i) => (v.helpers.length === 0 ? [String(i)] : [])),
  };
  const { figures } = checkSolution(problem, solution, matrix);

  let inside = 0;
  for (const [v, start] of startAt) if (start >= v.windowStart && start <= v.windowEnd) inside++;
  return {
    visits: visits.length,
    unassigned: figures.unassigned,
    distinctHelpers: {
      mean: round(figures.distinctHelpers.mean),
      median: figures.distinctHelpers.median,
      p90: figures.distinctHelpers.p90,
    },
    insideWindow: inside,
    insideWindowShare: round(startAt.size ? inside / startAt.size : 0, 4),
    travelMinutes: round(figures.travel, 1),
    workload: [...work.entries()]
      .map(([staffId, x]) => ({ staffId, ...x }))
      .sort((a, b) => b.minutes - a.minutes || a.staffId.localeCompare(b.staffId)),
  };
}
