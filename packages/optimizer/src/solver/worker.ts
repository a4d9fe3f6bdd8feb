/** Worker-thread entry: runs one seeded search and posts progress and the result. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Problem, SolveOptions } from '../model.ts';
import { solve } from './solve.ts';

const { problem, options, index, deadline } = workerData as {
  problem: Problem;
  options: SolveOptions;
  index: number;
  deadline?: number;
};
const res = solve(problem, {
  ...options,
  timeLimit: deadline !== undefined ? Math.max(0.05, (deadline - Date.now()) / 1000) : options.timeLimit,
  onProgress: (p) => parentPort!.postMessage({ type: 'progress', progress: { ...p, worker: index } }),
});
parentPort!.postMessage({ type: 'result', result: res });
