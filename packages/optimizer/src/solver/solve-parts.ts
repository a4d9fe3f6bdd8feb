/**
 * A large district planned in parts (decompose.ts): each part — a run of neighbouring care
 * zones with its own people, visits and helpers — is solved by its own search in a worker
 * thread, the plans are merged, and a border repair on the whole district puts back what the
 * parts could not place and lets visits at the borders move to a neighbouring part's helpers.
 * The work per iteration of a part's search grows with the part, not with the district.
 */
import { Worker } from 'node:worker_threads';
import type { Problem, Solution, SolveOptions, Weights } from '../model.ts';
import { mergeParts, partitionProblem, type Partition } from './decompose.ts';
import { compile, resolveWeights, type Instance } from './instance.ts';
import { Search } from './search.ts';
import { defaultConstruction, toSolution, type SolveResult } from './solve.ts';
import { applyZones } from './zones.ts';

/** Share of the time (or of the iteration cap) left for the border repair on the whole district. */
export const REPAIR_SHARE = 0.3;
/** `parts: 'auto'` decomposes home-care districts of more than this many visits. */
export const AUTO_PARTS_ABOVE = 8000;

/**
 * Without `parts`, continuity plans of more than this many visits are decomposed ('auto')
 * when there are threads for it. Measured on the city district of 21,186 visits (290 s, two
 * threads, one run each): whole 633 undone, +21.3 % travel, helpers 6.16 / 6 / 9; in two parts
 * 592, +17.0 %, 5.75 / 6 / 8 — better on every figure. At 10,630 visits (110 s) it was mixed:
 * 287 against 277 undone for −2.9 points of travel and median 5 against 6, so smaller
 * districts are planned whole unless asked.
 */
export const DEFAULT_PARTS_ABOVE = 15000;

/** The `parts` a call gets when it names none: 'auto' for a large continuity plan of care zones on two or more threads. */
export function defaultParts(
  problem: Problem,
  options: { continuityWeight?: number; weights?: { continuity?: number }; baseline?: unknown },
  threads: number,
): 'auto' | undefined {
  const continuity = options.weights?.continuity ?? options.continuityWeight;
  if (continuity === 0 || options.baseline || threads < 2) return undefined;
  // measured only where phase 1 makes care zones (no named contacts), as the parts are cut
  if (problem.kind === 'solomon' || problem.kind === 'mankowska' || defaultConstruction(problem) !== 'zones')
    return undefined;
  return problem.visits.length > DEFAULT_PARTS_ABOVE ? 'auto' : undefined;
}

/** The number of parts `parts` asks for on this problem (1 = no decomposition). */
export function partCount(problem: Problem, parts: number | 'auto' | undefined, threads: number): number {
  if (parts === undefined || problem.kind === 'solomon' || problem.kind === 'mankowska') return 1;
  if (parts === 'auto') return problem.visits.length > AUTO_PARTS_ABOVE ? Math.max(2, threads) : 1;
  return Math.max(1, Math.floor(parts));
}

export async function solveParts(
  problem: Problem,
  options: SolveOptions,
  parts: number,
  threads = 2,
): Promise<SolveResult> {
  const t0 = performance.now();
  const seed = options.seed ?? 1;
  // the whole district's weights (the default continuity weight depends on the district's size)
  const weights = resolveWeights(problem, options.weights, options.continuityWeight);
  const partition = partitionProblem(problem, parts, seed);
  const budget = options.timeLimit !== undefined ? options.timeLimit * 1000 - (performance.now() - t0) : undefined;
  const deadline = budget !== undefined ? Date.now() + budget * (1 - REPAIR_SHARE) : undefined;
  const { onProgress, timeLimit: _t, ...plain } = options;
  const plans = await Promise.all(
    partition.parts.map((sub, index) =>
      runWorker({ problem: sub, options: { ...plain, seed, weights }, index, deadline }, onProgress),
    ),
  );
  const merged = mergeParts(
    problem,
    plans.map((r) => r.solution),
  );
  const repairDeadline =
    budget !== undefined ? Date.now() + Math.max(50, budget - (performance.now() - t0)) : undefined;
  const repairIterations =
    options.iterations !== undefined ? Math.max(1, Math.round(options.iterations * REPAIR_SHARE)) : undefined;
  // the repair as a small portfolio, one seed per thread; fewest unassigned, then cost, wins
  const repairs = await Promise.all(
    Array.from({ length: Math.max(1, threads) }, (_, i) =>
      runWorker(
        {
          problem,
          options: { seed: seed + i, iterations: repairIterations },
          index: i,
          deadline: repairDeadline,
          repair: { merged, partition, weights },
        },
        onProgress,
      ),
    ),
  );
  let res = repairs[0];
  for (const r of repairs.slice(1))
    if (r.unassigned < res.unassigned || (r.unassigned === res.unassigned && r.cost < res.cost - 1e-9)) res = r;
  const seconds = (performance.now() - t0) / 1000;
  res.solution.solver = {
    ...res.solution.solver,
    seed,
    parts: partition.parts.length,
    partUnassigned: plans.map((r) => r.unassigned),
    repairIterations: repairs.map((r) => r.iterations),
    iterations: [...plans.map((r) => r.iterations), res.iterations],
    seconds: Math.round(seconds * 1000) / 1000,
  };
  res.iterations += plans.reduce((s, r) => s + r.iterations, 0);
  res.seconds = seconds;
  return res;
}

/** One search in a worker thread (worker.ts): a part's solve, or a border repair. */
function runWorker(data: Record<string, unknown> & { index: number }, onProgress: SolveOptions['onProgress']) {
  return new Promise<SolveResult>((resolve, reject) => {
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: data,
    });
    let done = false;
    worker.on('message', (m: { type: string; progress?: never; result?: SolveResult }) => {
      if (m.type === 'progress' && onProgress) onProgress(m.progress!);
      else if (m.type === 'result') {
        done = true;
        resolve(m.result!);
        void worker.terminate();
      }
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!done) reject(new Error(`solver worker ${data.index} exited with code ${code}`));
    });
  });
}

interface RepairRun {
  seed: number;
  timeMs: number;
  iterations?: number;
  onProgress?: SolveOptions['onProgress'];
}

/**
 * The merged plan as the search's start, stop for stop: the parts planned the same routes
 * (helper, day) on the same travel, so it is feasible as it is. Linked units (two-helper and
 * interdependent visits) keep the start the parts gave them, as the search pins them.
 */
export function startFromPlan(
  inst: Instance,
  plan: Solution,
): { routes: number[][]; winE: Float64Array; winL: Float64Array } {
  const p = inst.problem;
  const staffIdx = new Map(p.staff.map((s, i) => [s.id, i]));
  const visitIdx = new Map(p.visits.map((v, i) => [v.id, i]));
  const routeOf = new Map<string, number>();
  for (let r = 0; r < inst.nRoutes; r++) routeOf.set(`${inst.rStaff[r]}|${inst.rDay[r]}`, r);
  const routes: number[][] = Array.from({ length: inst.nRoutes }, () => []);
  const winE = Float64Array.from(inst.uE);
  const winL = Float64Array.from(inst.uL);
  const used = new Uint8Array(inst.nUnits);
  for (const route of plan.routes) {
    const r = routeOf.get(`${staffIdx.get(route.staff)}|${route.day}`);
    if (r === undefined) throw new Error(`merged plan: no shift of ${route.staff} on day ${route.day}`);
    for (const stop of [...route.stops].sort((a, b) => a.start - b.start)) {
      const v = visitIdx.get(stop.visit)!;
      const u = inst.vUnits[v].find((x) => used[x] === 0);
      if (u === undefined) throw new Error(`merged plan: visit ${stop.visit} served too often`);
      used[u] = 1;
      routes[r].push(u);
      if (inst.vLinked[v]) winE[u] = winL[u] = stop.start;
    }
  }
  return { routes, winE, winL };
}

/**
 * The border repair: one search on the whole district that starts from the merged plan (stop
 * for stop, startFromPlan), inserts the visits the parts left over, and anneals cool for the rest of the time. The parts' helper sets are
 * priced as in the parts, and the full district's zones price the rest (own zone, then the
 * neighbouring zones — across the cut — then the others), every helper eligible, so a visit
 * a part had no room for can go to a helper of the part next door.
 */
export function repairBorders(
  problem: Problem,
  merged: Solution,
  partition: Partition,
  weights: Weights,
  run: RepairRun,
): SolveResult {
  const t0 = performance.now();
  const inst = compile(problem, weights, 40);
  let priced = false;
  if (weights.continuity > 0 && merged.helperSets) {
    const staffIdx = new Map(problem.staff.map((s, i) => [s.id, i]));
    const sets = problem.recipients.map((r) =>
      Int32Array.from((merged.helperSets![r.id] ?? []).map((id) => staffIdx.get(id)!)),
    );
    applyZones(
      inst,
      {
        staffZone: partition.staffZone,
        recZone: partition.recZone,
        nZones: partition.nZones,
        sets,
        unitHelper: new Int32Array(inst.nUnits).fill(-1),
      },
      1,
      { zone: 1.2, near: 2.5, far: 6 },
      true,
    );
    priced = true;
  }
  const search = new Search(inst, run.seed);
  const res = search.run({
    seed: run.seed,
    iterations: run.iterations ?? 1e12,
    // the compile counts against the repair's time
    timeMs: run.iterations !== undefined ? Infinity : Math.max(0, run.timeMs - (performance.now() - t0)),
    scheduleBy: run.iterations !== undefined ? 'iterations' : 'time',
    onProgress: run.onProgress
      ? (it, _ms, un, cost, travel) =>
          run.onProgress!({ iteration: it, seconds: (performance.now() - t0) / 1000, unassigned: un, cost, travel })
      : undefined,
    // the parts' plans are good already: cool, so the repair keeps them and mends the borders
    t0: 0.03,
    tf: 0.002,
    construction: 'zones',
    contRamp: 0,
    start: startFromPlan(inst, merged),
  });
  const solution = toSolution(inst, res, { name: 'tillit' });
  if (priced) {
    solution.helperSets = merged.helperSets;
    const why = search.explainOutside();
    if (why.size > 0) {
      solution.outsideSet = {};
      for (const [v, reason] of why) solution.outsideSet[problem.visits[v].id] = reason;
    }
  }
  return {
    solution,
    cost: res.cost,
    unassigned: res.unassignedVisits.length,
    unassignedPinned: res.unassignedVisits.filter((v) => inst.vPinned[v]).length,
    iterations: res.iterations,
    seconds: (performance.now() - t0) / 1000,
  };
}
