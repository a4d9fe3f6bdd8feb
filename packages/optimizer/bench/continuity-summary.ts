/**
 * Summary of continuity bench runs of one district size over several solver seeds: means
 * and how many runs meet each target of the scheduler issue (median ≤ 3 and p90 ≤ 5
 * distinct helpers per person, travel within +15 % of the travel-only plan, no more
 * unassigned visits than it). Each continuity run is paired with the travel-only run of
 * the same solver seed.
 */
export interface RunRow {
  people: number;
  staff: number;
  visits: number;
  seed: number;
  plan: 'travel-only' | 'continuity';
  unassigned: number;
  travel: number;
  travelVsTravelOnlyPct: number;
  distinctHelpers: { mean: number; median: number; p90: number };
  coc: number;
  preferredShare: number;
  seconds: number;
  timeLimit: number;
  feasible: boolean;
  peakRssMB?: number;
  load?: number;
}

/** The continuity targets given the capacity-free lower bound: median ≤ 3 and p90 ≤ 5 where the bound allows, else bound + 1. */
export function targets(bound?: { median: number; p90: number }): { median: number; p90: number } {
  if (!bound) return { median: 3, p90: 5 };
  return { median: bound.median <= 3 ? 3 : bound.median + 1, p90: bound.p90 <= 5 ? 5 : bound.p90 + 1 };
}

export interface SizeSummary {
  people: number;
  runs: number;
  travelPctMean: number;
  travelWithin: number;
  helpersMean: number;
  medianWithin: number;
  p90Mean: number;
  p90Within: number;
  unassignedMean: number;
  unassignedTravelOnlyMean: number;
  unassignedWithin: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export function summarise(
  people: number,
  rows: RunRow[],
  target: { median: number; p90: number } = targets(),
): SizeSummary {
  const pairs: { cont: RunRow; base: RunRow }[] = [];
  for (const cont of rows) {
    if (cont.people !== people || cont.plan !== 'continuity') continue;
    const base = rows.find((r) => r.people === people && r.plan === 'travel-only' && r.seed === cont.seed);
    if (base) pairs.push({ cont, base });
  }
  const cont = pairs.map((p) => p.cont);
  return {
    people,
    runs: pairs.length,
    travelPctMean: mean(cont.map((r) => r.travelVsTravelOnlyPct)),
    travelWithin: cont.filter((r) => r.travelVsTravelOnlyPct <= 15).length,
    helpersMean: mean(cont.map((r) => r.distinctHelpers.mean)),
    medianWithin: cont.filter((r) => r.distinctHelpers.median <= target.median).length,
    p90Mean: mean(cont.map((r) => r.distinctHelpers.p90)),
    p90Within: cont.filter((r) => r.distinctHelpers.p90 <= target.p90).length,
    unassignedMean: mean(cont.map((r) => r.unassigned)),
    unassignedTravelOnlyMean: mean(pairs.map((p) => p.base.unassigned)),
    unassignedWithin: pairs.filter((p) => p.cont.unassigned <= p.base.unassigned).length,
  };
}
