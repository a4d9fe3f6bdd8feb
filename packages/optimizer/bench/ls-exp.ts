/**
 * Experiment harness for the inter-route local search (not a bench of record): Solomon
 * instances, one thread, `--iterations N` or `--time-limit S`, `--ls off|best|accept`.
 * `npx tsx packages/optimizer/bench/ls-exp.ts --instances RC103,R207 --time-limit 10 --ls best`
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkSolution } from '../src/checker.ts';
import { readProblem } from '../src/readers.ts';
import { solve } from '../src/solver/solve.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    instances: { type: 'string', default: 'RC103' },
    iterations: { type: 'string' },
    'time-limit': { type: 'string' },
    seeds: { type: 'string', default: '1' },
    ls: { type: 'string', default: 'off' },
    gap: { type: 'string' },
    k: { type: 'string' },
    t0: { type: 'string' },
    from: { type: 'string' },
  },
});
const dir = path.join(import.meta.dirname, '../data/solomon');
const ref = new Map(
  fs
    .readFileSync(path.join(dir, 'reference.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',') as [string, string, ...string[]])
    .map(([n, d]) => [n, Number(d)] as const),
);
for (const name of values.instances.split(',')) {
  const text = fs.readFileSync(path.join(dir, `${name}.txt`), 'utf8');
  const problem = readProblem(text, { filename: `${name}.txt` });
  for (const seed of values.seeds.split(',').map(Number)) {
    const t = performance.now();
    const res = solve(problem, {
      seed,
      iterations: values.iterations ? Number(values.iterations) : undefined,
      timeLimit: values['time-limit'] ? Number(values['time-limit']) : undefined,
      localSearch: values.ls as 'off' | 'best' | 'accept' | 'final',
      tuning: {
        ...(values.gap ? { lsGap: Number(values.gap) } : {}),
        ...(values.k ? { lsK: Number(values.k) } : {}),
        ...(values.t0 ? { t0: Number(values.t0) } : {}),
        ...(values.from ? { lsFrom: Number(values.from) } : {}),
      },
    });
    const c = checkSolution(problem, res.solution);
    const r = ref.get(name)!;
    console.log(
      `${name} seed ${seed} ls ${values.ls}: ${c.figures.travel.toFixed(2)} (${(((c.figures.travel - r) / r) * 100).toFixed(3)} %) routes ${res.solution.routes.length} it ${res.iterations} ${((performance.now() - t) / 1000).toFixed(1)} s feasible ${c.feasible} ${JSON.stringify(res.solution.solver?.ls ?? '')}`,
    );
  }
}
