/** Worker-thread entry: runs one seeded search (or one border repair of a plan in parts) and posts progress and the result. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Problem, Solution, SolveOptions, Weights } from '../model.ts';
import type { Partition } from './decompose.ts';
import { compile } from './instance.ts';
import { solve } from './solve.ts';
import { repairBorders } from './solve-parts.ts';

const { problem, options, index, deadline, repair } = workerData as {
  problem: Problem;
  options: SolveOptions;
  index: number;
  deadline?: number;
  repair?: { partition: Partition; weights: Weights };
};
const onProgress = (p: Parameters<NonNullable<SolveOptions['onProgress']>>[0]) =>
  parentPort!.postMessage({ type: 'progress', progress: { ...p, worker: index } });
if (repair) {
  // a repair worker starts with the parts: it compiles the whole district while they run, and
  // repairs as soon as their merged plan arrives (worker start and compile took the whole
  // repair time under load when done after the parts)
  const inst = compile(problem, repair.weights, 40);
  parentPort!.once('message', (merged: Solution) => {
    const res = repairBorders(
      problem,
      merged,
      repair.partition,
      repair.weights,
      {
        seed: options.seed ?? 1,
        timeMs: deadline !== undefined ? Math.max(50, deadline - Date.now()) : Infinity,
        iterations: options.iterations,
        onProgress,
      },
      inst,
    );
    parentPort!.postMessage({ type: 'result', result: res });
  });
} else {
  const res = solve(problem, {
    ...options,
    timeLimit: deadline !== undefined ? Math.max(0.05, (deadline - Date.now()) / 1000) : options.timeLimit,
    onProgress,
  });
  parentPort!.postMessage({ type: 'result', result: res });
}
