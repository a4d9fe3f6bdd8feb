/**
 * Multi-threaded solve: each worker thread runs its own seeded search (seeds seed,
 * seed+1, ...); the best plan wins (fewest pinned visits unassigned, then fewest unassigned,
 * then lowest cost, then lowest worker index). With an iteration cap the result is deterministic for a seed; with only
 * a time limit it depends on how many iterations fit in the time.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Problem, SolveOptions } from '../model.ts';
import { defaultConstruction, solve, type SolveResult } from './solve.ts';
import { LARGE_DISTRICT } from './instance.ts';
import { defaultParts, partCount, solveParts } from './solve-parts.ts';

export interface ParallelOptions extends SolveOptions {
  /** Number of worker threads; 1 = run in this thread. Default: available cores (max 4). */
  threads?: number;
  /**
   * Plan a large home-care district in parts (solve-parts.ts): N parts of neighbouring care
   * zones, each in its own worker thread, then a border repair on the whole district;
   * 'auto' = one part per thread above 8,000 visits. Default: 'auto' for continuity plans of
   * more than 15,000 visits on two or more threads (solve-parts.ts, DEFAULT_PARTS_ABOVE), else
   * none. Not when re-planning from a baseline.
   */
  parts?: number | 'auto';
}

/**
 * A small portfolio. Solomon: odd workers anneal hotter (better on long routes, types 2)
 * and never empty a route, so that route elimination cannot leave both workers with too
 * few routes (RC204's best plan has 4, elimination can get stuck at 3); even workers
 * anneal cooler (better on short routes, types 1); best of both wins.
 */
function portfolio(problem: Problem, options: SolveOptions, index: number): SolveOptions['tuning'] {
  if (problem.kind === 'solomon') return index % 2 === 1 ? { t0: 0.5, tf: 0.01, routeRuin: 0 } : undefined;
  // Home care with continuity: odd workers first plan for travel only (which finds the
  // fewest unassigned visits most easily) and add continuity from that plan; fewest
  // unassigned wins, so the result rarely leaves more visits unassigned than a travel-only plan.
  // Even workers start from the continuity-first construction, which gives fewer faces on
  // districts of a team or two; on larger ones (several teams) its plans kept 8–10 % more
  // travel and 1–5 more unassigned visits to the end at the same cost (120 people, 4 pairs
  // of runs; 300 people: 6 % more travel at 5 % higher cost), so there every worker starts
  // from a travel-only plan, for a shorter or longer part of the time, and the odd worker
  // brings continuity in gradually (its weight rises from 0 to full over half of its second
  // phase), so faces are dropped where that costs least travel; with it the default
  // continuity weight is 5 there (instance.ts: at weight 4 the ramp cost faces, median 4 at
  // 120 people in six of seven runs). On districts of a team or two the ramp cost travel
  // (60 people: +14.1 % against +11.5 %), so not there.
  const continuity = options.weights?.continuity ?? options.continuityWeight;
  if (continuity === 0 || options.baseline) return undefined;
  // care zones (no named contacts): every worker starts from its own zones (each seed sweeps
  // from another angle); a travel-only start would ignore the zones (round 1, helper sets: from
  // a travel-only plan the search never got back to the sets in the time, 13.7 faces a person
  // and +79 % travel at 300 people against 7.3 and +32 % from the sets' plan)
  if (defaultConstruction(problem) === 'zones') return undefined;
  const large = problem.visits.length > LARGE_DISTRICT;
  if (index % 2 === 1) return large ? { warmStart: 0.3, contRamp: 0.5 } : { warmStart: 0.3 };
  return large ? { warmStart: 0.15 } : undefined;
}

export async function solveParallel(problem: Problem, options: ParallelOptions = {}): Promise<SolveResult> {
  const threads = options.threads ?? Math.min(4, availableParallelism());
  const { onProgress, threads: _t, parts: _p, ...plain } = options;
  const parts = options.baseline
    ? 1
    : partCount(problem, options.parts ?? defaultParts(problem, options, threads), threads);
  if (parts > 1) return solveParts(problem, { ...plain, onProgress }, parts, threads);
  if (threads <= 1) return solve(problem, options);
  const seed = options.seed ?? 1;
  const t0 = performance.now();
  // Workers take time to start; they aim at a common wall-clock deadline.
  const deadline = options.timeLimit !== undefined ? Date.now() + options.timeLimit * 1000 - 150 : undefined;
  const runs = Array.from(
    { length: threads },
    (_, index) =>
      new Promise<SolveResult>((resolve, reject) => {
        const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
          workerData: {
            problem,
            options: { ...plain, seed: seed + index, tuning: plain.tuning ?? portfolio(problem, options, index) },
            index,
            deadline,
          },
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
          if (!done) reject(new Error(`solver worker ${index} exited with code ${code}`));
        });
      }),
  );
  const results = await Promise.all(runs);
  let best = results[0];
  for (const r of results.slice(1)) {
    const fewer =
      r.unassignedPinned !== best.unassignedPinned
        ? r.unassignedPinned < best.unassignedPinned
        : r.unassigned < best.unassigned || (r.unassigned === best.unassigned && r.cost < best.cost - 1e-9);
    if (fewer) best = r;
  }
  const seconds = (performance.now() - t0) / 1000;
  best.solution.solver = {
    ...best.solution.solver,
    seed,
    threads,
    seconds: Math.round(seconds * 1000) / 1000,
    iterations: results.map((r) => r.iterations),
  };
  best.seconds = seconds;
  return best;
}
