/** `tillit check PROBLEM SOLUTION` — feasibility and figures of a plan. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkSolution, formatFigures } from '../checker.ts';
import { parseSolutionJson } from '../readers.ts';
import { loadProblem } from './common.ts';

const USAGE = 'usage: tillit check PROBLEM SOLUTION [--format solomon] [--json]';

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } });
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 2) {
    console.error(USAGE);
    return 2;
  }
  const problem = loadProblem(positionals[0], values.format);
  let solution;
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
    console.log(formatFigures(res.figures, problem.kind === 'solomon'));
  }
  return res.feasible ? 0 : 1;
}
