/**
 * HHCRSP benchmark (Mankowska, Meisel & Bierwirth 2014, sets A–C):
 * `npm run bench:hhcrsp -- [--time-limit S] [--instances 10_1,25_3] [--threads N] [--seed N] [--iterations N]`
 * Solves each instance, checks the plan with `checkSolution` (skills, windows, the gaps of
 * double services, distinct caregivers) and compares the Mankowska objective — one third
 * each of travel, total and maximal tardiness — with the best of 15 published BRKGA-MP-IPR
 * runs (`data/hhcrsp/reference.csv`). Prints a table and the load average, writes
 * bench-results/hhcrsp.json with meanGapPercent, maxGapPercent and secondsPerInstance.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkSolution } from '../src/checker.ts';
import { readProblem } from '../src/readers.ts';
import { solveParallel } from '../src/solver/parallel.ts';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(packageDir, '..', '..');
const dataDir = path.join(packageDir, 'data', 'hhcrsp');

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    'time-limit': { type: 'string', default: '10' },
    iterations: { type: 'string' },
    instances: { type: 'string' },
    threads: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
  },
});
const timeLimit = Number(values['time-limit']);
const iterations = values.iterations ? Number(values.iterations) : undefined;
const threads = Number(values.threads);
const seed = Number(values.seed);

const ref = new Map<string, { cost: number; travel: number; tard: number; tmax: number }>();
for (const line of readFileSync(path.join(dataDir, 'reference.csv'), 'utf8').split('\n').slice(1)) {
  const f = line.split(',');
  if (f.length >= 6) ref.set(f[0].trim(), { cost: +f[2], travel: +f[3], tard: +f[4], tmax: +f[5] });
}
const key = (n: string) => n.replace('InstanzCPLEX_HCSRP_', '');
const order = (n: string) => {
  const [a, b] = key(n).split('_').map(Number);
  return a * 100 + b;
};
let names = readdirSync(dataDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort((a, b) => order(a) - order(b));
if (values.instances) {
  const want = values.instances.split(',').map((s) => s.trim());
  names = names.filter((n) => want.includes(key(n)));
}
const setOf = (n: string) => ({ '10': 'A', '25': 'B', '50': 'C' })[key(n).split('_')[0]] ?? '?';

interface Row {
  instance: string;
  set: string;
  objective: number;
  reference: number;
  gap: number;
  travel: number;
  tardiness: number;
  maxTardiness: number;
  seconds: number;
  feasible: boolean;
  errors: string[];
}
const rows: Row[] = [];
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(
  `HHCRSP (Mankowska et al. 2014), ${names.length} instances, ${iterations ? `${iterations} iterations` : `time limit ${timeLimit} s`}, ${threads} thread(s), seed ${seed}; load average ${load()}`,
);
console.log('instance  objective  reference   gap %   travel  tard total  tard max     s  feasible');
for (const name of names) {
  const problem = readProblem(readFileSync(path.join(dataDir, `${name}.txt`), 'utf8'), { filename: `${name}.txt` });
  const res = await solveParallel(problem, {
    timeLimit: iterations ? undefined : timeLimit,
    iterations,
    threads,
    seed,
  });
  const check = checkSolution(problem, res.solution);
  const f = check.figures;
  const reference = ref.get(name)?.cost ?? NaN;
  const objective = f.objective ?? NaN;
  const row: Row = {
    instance: key(name),
    set: setOf(name),
    objective,
    reference,
    gap: (100 * (objective - reference)) / reference,
    travel: f.travel,
    tardiness: f.tardiness.total,
    maxTardiness: f.tardiness.max,
    seconds: res.seconds,
    feasible: check.feasible && f.unassigned === 0,
    errors: check.errors.slice(0, 5),
  };
  rows.push(row);
  console.log(
    `${row.instance.padEnd(8)} ${objective.toFixed(2).padStart(10)} ${reference.toFixed(1).padStart(10)} ${row.gap.toFixed(2).padStart(7)} ${f.travel.toFixed(1).padStart(8)} ${row.tardiness.toFixed(1).padStart(11)} ${row.maxTardiness.toFixed(1).padStart(9)} ${row.seconds.toFixed(1).padStart(5)}  ${row.feasible ? 'yes' : `NO (${f.unassigned} unassigned; ${row.errors[0] ?? ''})`}`,
  );
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const summary = (rs: Row[]) => ({
  n: rs.length,
  meanGapPercent: mean(rs.map((r) => r.gap)),
  maxGapPercent: Math.max(...rs.map((r) => r.gap)),
  secondsPerInstance: mean(rs.map((r) => r.seconds)),
  allFeasible: rs.every((r) => r.feasible),
});
const perSet: Record<string, ReturnType<typeof summary>> = {};
for (const s of ['A', 'B', 'C']) {
  const rs = rows.filter((r) => r.set === s);
  if (rs.length) perSet[s] = summary(rs);
}
const all = summary(rows);
console.log('\nset   n   mean gap %   max gap %   s per instance   all feasible');
for (const [s, x] of [...Object.entries(perSet), ['all', all] as const]) {
  console.log(
    `${s.padEnd(4)} ${String(x.n).padStart(3)}  ${x.meanGapPercent.toFixed(3).padStart(10)}  ${x.maxGapPercent.toFixed(3).padStart(10)}  ${x.secondsPerInstance.toFixed(2).padStart(15)}   ${x.allFeasible}`,
  );
}
console.log(`load average at the end: ${load()}`);
const outDir = path.join(repoRoot, 'bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, 'hhcrsp.json'),
  `${JSON.stringify({ date: new Date().toISOString(), timeLimit, iterations, threads, seed, load: loadavg(), ...all, perSet, rows }, null, 1)}\n`,
);
console.log(`wrote ${path.join(outDir, 'hhcrsp.json')}`);
