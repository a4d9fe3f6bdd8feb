/**
 * Statistics for leaders from daily documentation (principle 6): people served, decided hours
 * per week by service, people per functional level band and new assessments, at team, district
 * and municipality level. Pure, tested on hand-made data (leaderstats.test.ts).
 *
 * Never for fewer than five people (principle 5): a cell with fewer than five people behind it
 * is suppressed (primary), and so is a second cell wherever one suppressed cell could be worked
 * out by subtraction (secondary): a district's figure minus its other teams', or a team's people
 * minus its other bands. `suppress` repeats this until no sum reveals a hidden cell.
 */
import { type LevelBand, type LeaderStatsGroup, levelBands, type ServiceType, serviceTypes } from '@tillit/contracts';
import { levelBand } from '../assessment/index.ts';

export const MIN_PEOPLE = 5;

/** One person served on the last day of the period: no name, no id, only what is counted. */
export interface PersonFigures {
  teamId: string;
  /** Items scored 3–5 in the assessment in force; null = no assessment. */
  needItems: number | null;
  hours: Partial<Record<ServiceType, number>>;
  /** Assessments made for the person in the period. */
  newAssessments: number;
}

export interface Unit {
  level: 'team' | 'district' | 'municipality';
  id: string;
  name: string;
  parentId: string | null;
}

/** A figure and the number of people behind it (what suppression looks at). */
interface Cell {
  value: number;
  people: number;
  hidden: boolean;
}

const bandOf = (p: PersonFigures): LevelBand => (p.needItems === null ? 'unassessed' : levelBand(p.needItems));
const measures = [
  'people',
  ...levelBands.map((b) => `band:${b}`),
  ...serviceTypes.map((s) => `hours:${s}`),
  'newAssessments',
];

function cellsOf(people: PersonFigures[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  const put = (m: string, value: number, n: number) => cells.set(m, { value, people: n, hidden: n < MIN_PEOPLE });
  put('people', people.length, people.length);
  for (const b of levelBands) {
    const n = people.filter((p) => bandOf(p) === b).length;
    put(`band:${b}`, n, n);
  }
  for (const s of serviceTypes) {
    const withService = people.filter((p) => (p.hours[s] ?? 0) > 0);
    put(
      `hours:${s}`,
      withService.reduce((sum, p) => sum + (p.hours[s] ?? 0), 0),
      withService.length,
    );
  }
  const assessed = people.filter((p) => p.newAssessments > 0);
  put(
    'newAssessments',
    assessed.reduce((sum, p) => sum + p.newAssessments, 0),
    assessed.length,
  );
  return cells;
}

type Sum = { total: Cell; parts: Cell[] };

/**
 * Secondary suppression: a total equals the sum of its parts, so one hidden cell must never be
 * the only unknown in such a sum. While a shown total has exactly one hidden part, hide the shown
 * part with the fewest people too (or the total, if it has no other part); while a hidden total
 * has no hidden part, hide its smallest part. Cells are only ever hidden, so this ends.
 */
export function suppress(sums: Sum[]) {
  const smallest = (cells: Cell[]) => cells.filter((c) => !c.hidden).sort((a, b) => a.people - b.people)[0];
  for (let changed = true; changed; ) {
    changed = false;
    for (const { total, parts } of sums) {
      const hidden = parts.filter((p) => p.hidden).length;
      let next: Cell | undefined;
      if (!total.hidden && hidden === 1) next = parts.length > 1 ? smallest(parts) : total;
      else if (total.hidden && hidden === 0 && parts.length > 0) next = smallest(parts);
      if (!next) continue;
      next.hidden = true;
      changed = true;
    }
  }
}

/** The groups (teams, their districts, the municipality) with every cell under five hidden. */
export function leaderStatistics(units: Unit[], people: PersonFigures[]): LeaderStatsGroup[] {
  const children = (id: string) => units.filter((u) => u.parentId === id);
  const teamsUnder = (u: Unit): string[] => (u.level === 'team' ? [u.id] : children(u.id).flatMap(teamsUnder));
  const cells = new Map(
    units.map((u) => {
      const teamIds = new Set(teamsUnder(u));
      return [u.id, cellsOf(people.filter((p) => teamIds.has(p.teamId)))];
    }),
  );
  const sums: Sum[] = [];
  for (const u of units) {
    const own = cells.get(u.id)!;
    sums.push({ total: own.get('people')!, parts: levelBands.map((b) => own.get(`band:${b}`)!) });
    const kids = children(u.id);
    if (kids.length)
      for (const m of measures) sums.push({ total: own.get(m)!, parts: kids.map((k) => cells.get(k.id)!.get(m)!) });
  }
  suppress(sums);
  return units.map((u) => {
    const own = cells.get(u.id)!;
    const shown = (m: string) => {
      const c = own.get(m)!;
      return c.hidden ? null : Math.round(c.value * 10) / 10;
    };
    return {
      level: u.level,
      id: u.id,
      name: u.name,
      parentId: u.parentId,
      people: shown('people'),
      bands: Object.fromEntries(levelBands.map((b) => [b, shown(`band:${b}`)])) as LeaderStatsGroup['bands'],
      hoursPerWeek: Object.fromEntries(
        serviceTypes.map((s) => [s, shown(`hours:${s}`)]),
      ) as LeaderStatsGroup['hoursPerWeek'],
      newAssessments: shown('newAssessments'),
    };
  });
}
