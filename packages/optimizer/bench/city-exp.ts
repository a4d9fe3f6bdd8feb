/**
 * Experiment harness for the city shape (not a bench of record): one district, one thread,
 * `--iterations N` or `--time-limit S`, tuning as JSON. Prints unassigned, travel and faces.
 * `npx tsx packages/optimizer/bench/city-exp.ts --people 120 --iterations 40000 --tuning '{"construction":"zones"}'`
 */
import { parseArgs } from 'node:util';
import { checkSolution } from '../src/checker.ts';
import { generateDistrict } from '../src/generator.ts';
import { solve } from '../src/solver/solve.ts';
import { solveParallel } from '../src/solver/parallel.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    people: { type: 'string', default: '120' },
    staffing: { type: 'string', default: 'tight' },
    iterations: { type: 'string' },
    'time-limit': { type: 'string' },
    seed: { type: 'string', default: '1' },
    tuning: { type: 'string' },
    weight: { type: 'string' },
    threads: { type: 'string', default: '1' },
    parts: { type: 'string' },
    ls: { type: 'string' },
  },
});
const people = Number(values.people);
const problem = generateDistrict({
  people,
  staff: Math.round(people / (values.staffing === 'loose' ? 2.5 : 3)),
  days: 14,
  seed: 1,
  teams: false,
  preferred: false,
  mix: 'heavy',
});
const opts = {
  seed: Number(values.seed),
  iterations: values.iterations ? Number(values.iterations) : undefined,
  timeLimit: values['time-limit'] ? Number(values['time-limit']) : undefined,
  continuityWeight: values.weight !== undefined ? Number(values.weight) : undefined,
  tuning: values.tuning ? JSON.parse(values.tuning) : undefined,
  threads: Number(values.threads),
  localSearch: values.ls as 'off' | 'best' | 'accept' | 'final' | undefined,
  parts: values.parts === undefined ? undefined : values.parts === 'auto' ? ('auto' as const) : Number(values.parts),
};
const t0 = performance.now();
const res = opts.threads > 1 || opts.parts !== undefined ? await solveParallel(problem, opts) : solve(problem, opts);
const c = checkSolution(problem, res.solution);
const f = c.figures;
const outside = Object.keys(res.solution.outsideSet ?? {}).length;
console.log(
  `${people} ${values.staffing} visits ${problem.visits.length} ${values.tuning ?? ''} w=${values.weight ?? 'default'} ls=${values.ls ?? 'default'}: unassigned ${f.unassigned} travel ${f.travel.toFixed(0)} helpers ${f.distinctHelpers.mean.toFixed(2)} / ${f.distinctHelpers.median} / ${f.distinctHelpers.p90.toFixed(1)} outside ${outside} it ${res.iterations} ${((performance.now() - t0) / 1000).toFixed(1)} s feasible ${c.feasible}`,
);
console.log(JSON.stringify(res.solution.solver));
