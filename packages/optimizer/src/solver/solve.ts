/**
 * `solve`: plain Problem in, plain Solution out, single thread, no I/O.
 */
import type { Problem, Solution, SolveOptions } from '../model.ts';
import { compile, resolveWeights, type Instance } from './instance.ts';
import { Search, type SearchResult } from './search.ts';
import { baselineSeed } from './baseline.ts';
import { applyHelperSets, buildHelperSets } from './helper-sets.ts';
import { applyZones, buildZones, zonePlan } from './zones.ts';

export interface SolveResult {
  solution: Solution;
  /** Objective value after unassigned visits (weighted travel + continuity + balance). */
  cost: number;
  unassigned: number;
  /** Pinned visits among the unassigned (a plan with fewer wins first). */
  unassignedPinned: number;
  iterations: number;
  seconds: number;
}

/** Default iteration cap when only a time limit is given (effectively unlimited). */
const UNLIMITED = 1e12;

export function solve(problem: Problem, options: SolveOptions = {}): SolveResult {
  const t0 = performance.now();
  const weights = resolveWeights(problem, options.weights, options.continuityWeight);
  const inst = compile(problem, weights, 40, options.baseline);
  const seed0 = options.baseline ? baselineSeed(inst, options.baseline) : undefined;
  const seed = options.seed ?? 1;
  const iterations = options.iterations ?? (options.timeLimit === undefined ? 2000 : UNLIMITED);
  const timeMs =
    options.timeLimit === undefined ? Infinity : Math.max(0, options.timeLimit * 1000 - (performance.now() - t0));
  const scheduleBy = options.iterations !== undefined ? 'iterations' : 'time';
  const progress = options.onProgress
    ? (it: number, _ms: number, un: number, cost: number, travel: number) =>
        options.onProgress!({ iteration: it, seconds: (performance.now() - t0) / 1000, unassigned: un, cost, travel })
    : undefined;
  // Home care with continuity: a first phase plans for travel only (it finds the fewest
  // unassigned visits most easily), the second phase adds continuity from that plan.
  const warm = inst.solomon || weights.continuity === 0 ? 0 : (options.tuning?.warmStart ?? 0);
  // Familiar faces by construction: each person's helper set first (phase 1), priced into the
  // continuity terms, and its plan the search's start unless a travel-only warm start is asked for
  let sets: { sets: Int32Array[]; routes: number[][]; winE: Float64Array; winL: Float64Array } | undefined;
  const construction = options.tuning?.construction ?? defaultConstruction(problem);
  const phase1 =
    problem.kind !== 'solomon' && problem.kind !== 'mankowska' && weights.continuity > 0 && !options.baseline;
  const tn = options.tuning ?? {};
  if (phase1 && construction === 'sets') {
    sets = buildHelperSets(inst, seed, tn.maxSet, tn.setTravel);
    applyHelperSets(inst, sets.sets, tn.outside);
  }
  // care zones: restricted to the own and neighbouring zones for the first `openAt` of the
  // run (granular), then every helper eligible again (priced by zone) to place what is left
  let openAt = 0;
  let fullRoutes: Int32Array[] | undefined;
  if (phase1 && construction === 'zones') {
    const zones = buildZones(inst, seed, { zoneStaff: tn.zoneStaff, maxSet: tn.maxSet });
    openAt = tn.zoneOpen === false ? 0 : (tn.zoneOpenAt ?? 0);
    if (openAt > 0) fullRoutes = inst.uRoutes.slice();
    applyZones(
      inst,
      zones,
      tn.zoneReach ?? 1,
      { zone: tn.zonePrice ?? 1.2, near: tn.nearPrice ?? 2.5, far: tn.farPrice ?? 6 },
      (tn.zoneOpen ?? true) && openAt === 0,
      tn.zoneFallback ?? false,
    );
    sets = { sets: zones.sets, ...zonePlan(inst, zones, seed, tn.zoneOrder === 'tight') };
  }
  let start: SearchResult | undefined;
  if (fullRoutes) {
    start = new Search(inst, seed).run({
      seed,
      iterations: Math.max(1, Math.floor(iterations * openAt)),
      timeMs: timeMs * openAt,
      scheduleBy,
      onProgress: progress,
      ...options.tuning,
      construction,
      contRamp: 0,
      start: sets,
    });
    for (let u = 0; u < inst.nUnits; u++) inst.uRoutes[u] = fullRoutes[u];
  }
  if (warm > 0) {
    const inst0 = compile(problem, { ...weights, continuity: 0, preferredVisit: 0 }, 40, options.baseline);
    start = new Search(inst0, seed + 7777).run({
      seed,
      baseline: seed0,
      iterations: Math.max(1, Math.floor(iterations * warm)),
      timeMs: timeMs * warm,
      scheduleBy,
      onProgress: progress,
      ...options.tuning,
      contRamp: 0,
    });
  }
  const search = new Search(inst, seed);
  // the reasons for visits outside their helper sets are found after the search (explainOutside,
  // about a second on 10,000 visits under load): a small reserve keeps the run inside its limit
  const reserve = sets && options.timeLimit !== undefined ? Math.min(3000, options.timeLimit * 15) : 0;
  const used = performance.now() - t0 + reserve;
  const res = search.run({
    seed,
    iterations: start ? Math.max(1, iterations - start.iterations) : iterations,
    timeMs: options.timeLimit === undefined ? Infinity : Math.max(0, options.timeLimit * 1000 - used),
    scheduleBy,
    onProgress: progress,
    // the open phase continues the restricted one's plan, cooler
    ...(fullRoutes ? { t0: 0.05 } : {}),
    ...options.tuning,
    construction,
    // the inter-route local search polishes the final home-care plan (Solomon: it found no
    // move on the annealed plans and would only take time from the search)
    localSearch: options.localSearch ?? (inst.solomon ? 'off' : 'final'),
    // continuity is brought in gradually only from a travel-only plan, never when re-planning
    contRamp: start && !options.baseline ? (options.tuning?.contRamp ?? 0) : 0,
    start: start ? { routes: start.routes, winE: start.winE, winL: start.winL } : sets,
    baseline: start ? undefined : seed0,
  });
  const seconds = (performance.now() - t0) / 1000;
  const solution = toSolution(inst, res, {
    name: 'tillit',
    seed,
    seconds: round(seconds, 3),
    iterations: res.iterations + (start?.iterations ?? 0),
    ...(search.lsMoves + search.lsRefused > 0 ? { ls: { moves: search.lsMoves, refused: search.lsRefused } } : {}),
    ...(search.polishGains > 0 ? { relabelled: search.polishGains } : {}),
  });
  if (sets) {
    const p = inst.problem;
    solution.helperSets = {};
    sets.sets.forEach((set, rec) => {
      if (set.length > 0) solution.helperSets![p.recipients[rec].id] = Array.from(set, (s) => p.staff[s].id);
    });
    const why = search.explainOutside();
    if (why.size > 0) {
      solution.outsideSet = {};
      for (const [v, reason] of why) solution.outsideSet[p.visits[v].id] = reason;
    }
  }
  return {
    solution,
    cost: res.cost,
    unassigned: res.unassignedVisits.length,
    unassignedPinned: res.unassignedVisits.filter((v) => inst.vPinned[v]).length,
    iterations: res.iterations + (start?.iterations ?? 0),
    seconds,
  };
}

/**
 * Care zones by default where the problem names no familiar faces (zones.ts); where the team
 * has named contacts (preferred helpers), the continuity-first series construction that
 * starts from them (on the generator's team districts the helper-sets start cost 0–8 % more
 * travel for the same faces at 60 people, three paired runs of 20,000 iterations).
 */
export function defaultConstruction(problem: Problem): 'zones' | 'series' {
  return problem.recipients.some((r) => (r.preferred ?? []).length > 0) ? 'series' : 'zones';
}

function round(x: number, d: number): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

export function toSolution(inst: Instance, res: SearchResult, solver: Record<string, unknown>): Solution {
  const p = inst.problem;
  const routes: Solution['routes'] = [];
  for (let r = 0; r < inst.nRoutes; r++) {
    const seq = res.routes[r];
    if (seq.length === 0) continue;
    routes.push({
      staff: p.staff[inst.rStaff[r]].id,
      day: inst.rDay[r],
      stops: seq.map((u) => ({ visit: p.visits[inst.uVisit[u]].id, start: res.starts[u] })),
    });
  }
  const sol: Solution = {
    format: 'tillit-solution/1',
    problem: p.name,
    routes,
    unassigned: res.unassignedVisits.map((v) => p.visits[v].id),
    solver,
  };
  if (inst.unassignable.size > 0) {
    sol.unassignable = {};
    for (const [v, reason] of inst.unassignable) sol.unassignable[p.visits[v].id] = reason;
  }
  return sol;
}

/** Visits nobody could ever do, with the reason (id -> reason). */
export function findUnassignable(problem: Problem): Record<string, string> {
  const inst = compile(problem, resolveWeights(problem), 0);
  const out: Record<string, string> = {};
  for (const [v, reason] of inst.unassignable) out[problem.visits[v].id] = reason;
  return out;
}
