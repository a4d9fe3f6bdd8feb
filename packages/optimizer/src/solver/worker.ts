/** Worker-thread entry: runs one seeded search (or one border repair of a plan in parts) and posts progress and the result. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Problem, Solution, SolveOptions, Weights } from '../model.ts';
import type { Partition } from './decompose.ts';
import { solve } from './solve.ts';
import { repairBorders } from './solve-parts.ts';

const { problem, options, index, deadline, repair } = workerData as {
  problem: Problem;
  options: SolveOptions;
  index: number;
  deadline?: number;
  repair?: { merged: Solution; partition: Partition; weights: Weights };
};
const onProgress = (p: Parameters<NonNullable<SolveOptions['onProgress']>>[0]) =>
  parentPort!.postMessage({ type: 'progress', progress: { ...p, worker: index } });
const res = repair
  ? repairBorders(problem, repair.merged, repair.partition, repair.weights, {
      seed: options.seed ?? 1,
      timeMs: deadline !== undefined ? Math.max(50, deadline - Date.now()) : Infinity,
      iterations: options.iterations,
      onProgress,
    })
  : solve(problem, {
      ...options,
      timeLimit: deadline !== undefined ? Math.max(0.05, (deadline - Date.now()) / 1000) : options.timeLimit,
      onProgress,
    });
parentPort!.postMessage({ type: 'result', result: res });
