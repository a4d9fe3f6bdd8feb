/** `tillit check PROBLEM SOLUTION` — feasibility and figures of a plan. */
import { readFileSync } from 'node:fs';
import { checkSolution, formatFigures } from '../checker.ts';
import type { Solution } from '../model.ts';
import { parseSolutionJson } from '../readers.ts';
import { loadProblem, parseCommand } from './common.ts';

const USAGE = 'usage: tillit check PROBLEM SOLUTION [--format solomon|mankowska] [--json]';

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args, { format: { type: 'string' }, json: { type: 'boolean' } }, 2, USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const problem = loadProblem(positionals[0], values.format);
  let solution: Solution;
  try {
    solution = parseSolutionJson(readFileSync(positionals[1], 'utf8'));
  } catch (e) {
    throw new Error(`${positionals[1]}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const res = checkSolution(problem, solution);
  if (values.json) {
    console.log(JSON.stringify(res, null, 1));
  } else {
    console.log(`feasible              ${res.feasible ? 'yes' : 'NO'}`);
    for (const e of res.errors) console.log(`  ${e}`);
    console.log(formatFigures(res.figures, problem.kind === 'solomon' || problem.kind === 'mankowska'));
  }
  return res.feasible ? 0 : 1;
}
