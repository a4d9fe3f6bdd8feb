/** `tillit solve PROBLEM --time-limit S [--seed N] [--continuity-weight W] [--baseline PLAN.json] --out FILE` */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Solution } from '../model.ts';
import { parseSolutionJson } from '../readers.ts';
import { checkSolution, formatFigures } from '../checker.ts';
import { solveParallel } from '../solver/parallel.ts';
import { loadProblem, numberArg, parseCommand } from './common.ts';

const USAGE =
  'usage: tillit solve PROBLEM --time-limit SECONDS [--seed N] [--continuity-weight W] [--threads N] [--parts N|auto] [--iterations N] [--format solomon|mankowska] [--baseline PLAN.json [--change-weight W]] --out SOLUTION.json';

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(
    args,
    {
      'time-limit': { type: 'string' },
      seed: { type: 'string' },
      'continuity-weight': { type: 'string' },
      threads: { type: 'string' },
      parts: { type: 'string' },
      iterations: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      baseline: { type: 'string' },
      'change-weight': { type: 'string' },
      quiet: { type: 'boolean' },
    },
    1,
    USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  let timeLimit: number | undefined,
    seed: number,
    cw: number | undefined,
    threads: number | undefined,
    iterations: number | undefined,
    change: number | undefined;
  let baseline: Solution | undefined;
  let parts: number | 'auto' | undefined;
  try {
    timeLimit = numberArg(values['time-limit'], '--time-limit');
    seed = numberArg(values.seed, '--seed', 1)!;
    cw = numberArg(values['continuity-weight'], '--continuity-weight');
    threads = numberArg(values.threads, '--threads');
    parts = values.parts === 'auto' ? 'auto' : numberArg(values.parts, '--parts');
    iterations = numberArg(values.iterations, '--iterations');
    change = numberArg(values['change-weight'], '--change-weight');
    if (values.baseline) baseline = parseSolutionJson(readFileSync(values.baseline, 'utf8'));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
  if (timeLimit === undefined && iterations === undefined) timeLimit = 10;
  const problem = loadProblem(positionals[0], values.format);
  const solomon = problem.kind === 'solomon';
  const nUnits = problem.visits.reduce((s, v) => s + (v.staff ?? 1), 0);
  console.error(
    `${problem.name}: ${problem.visits.length} visits (${nUnits} helper-visits), ${problem.staff.length} ${solomon ? 'vehicles' : 'helpers'}, ${problem.days} day(s); ` +
      `time limit ${timeLimit ?? '-'} s, seed ${seed}${cw !== undefined ? `, continuity weight ${cw}` : ''}`,
  );
  let lastPrint = 0;
  const res = await solveParallel(problem, {
    timeLimit,
    iterations,
    seed,
    continuityWeight: cw,
    threads,
    parts,
    baseline,
    weights: change !== undefined ? { change } : undefined,
    onProgress: values.quiet
      ? undefined
      : (p) => {
          if (p.seconds - lastPrint < 1) return;
          lastPrint = p.seconds;
          console.error(
            `  ${p.seconds.toFixed(1)} s  worker ${p.worker ?? 0}  iterations ${p.iteration}  unassigned ${p.unassigned}  ${solomon ? 'distance' : 'travel'} ${p.travel.toFixed(2)}  cost ${p.cost.toFixed(2)}`,
          );
        },
  });
  const check = checkSolution(problem, res.solution);
  if (values.out) writeFileSync(values.out, `${JSON.stringify(res.solution, null, 1)}\n`);
  console.log(`solved in ${res.seconds.toFixed(2)} s${values.out ? ` -> ${values.out}` : ''}`);
  console.log(`feasible              ${check.feasible ? 'yes' : 'NO'}`);
  console.log(formatFigures(check.figures, solomon || problem.kind === 'mankowska'));
  if (res.solution.unassignable) {
    for (const [id, reason] of Object.entries(res.solution.unassignable)) console.log(`unassignable ${id}: ${reason}`);
  }
  if (!check.feasible) {
    for (const e of check.errors.slice(0, 20)) console.error(`  ${e}`);
    return 1;
  }
  return 0;
}
