/**
 * Solomon VRPTW benchmark: `npm run bench:solomon -- --time-limit S [--instances C101,R101] [--threads N] [--seed N]`
 * Prints distance, vehicles, gap to reference.csv and seconds per instance, and mean/median/max
 * gap per class and overall; writes bench-results/solomon.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkSolution } from '../src/checker.ts';
import { readProblem } from '../src/readers.ts';
import { solveParallel } from '../src/solver/parallel.ts';
import { quantile } from '../src/checker.ts';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(packageDir, '..', '..');
const dataDir = path.join(packageDir, 'data', 'solomon');

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    'time-limit': { type: 'string', default: '10' },
    instances: { type: 'string' },
    threads: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    'local-search': { type: 'string' },
  },
});
const timeLimit = Number(values['time-limit']);
const threads = Number(values.threads);
const seed = Number(values.seed);
const localSearch = values['local-search'] as 'off' | 'best' | 'accept' | 'final' | undefined;

const ref = new Map<string, number>();
for (const line of readFileSync(path.join(dataDir, 'reference.csv'), 'utf8').split('\n').slice(1)) {
  const [name, dist] = line.split(',');
  if (name && dist) ref.set(name.trim(), Number(dist));
}
let names = readdirSync(dataDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();
if (values.instances) {
  const want = values.instances.split(',').map((s) => s.trim().toUpperCase());
  names = names.filter((n) => want.includes(n.toUpperCase()));
}

const cls = (n: string) => n.replace(/\d\d$/, '');
interface Row {
  instance: string;
  class: string;
  distance: number;
  vehicles: number;
  reference: number;
  gap: number;
  seconds: number;
  feasible: boolean;
  unassigned: number;
}
const rows: Row[] = [];
console.log(`Solomon VRPTW, ${names.length} instances, time limit ${timeLimit} s, ${threads} thread(s), seed ${seed}`);
console.log('instance  distance    veh  reference   gap %    s     feasible');
for (const name of names) {
  const problem = readProblem(readFileSync(path.join(dataDir, `${name}.txt`), 'utf8'), { filename: `${name}.txt` });
  const res = await solveParallel(problem, { timeLimit, threads, seed, localSearch });
  const check = checkSolution(problem, res.solution);
  const reference = ref.get(name) ?? NaN;
  const distance = check.figures.travel;
  const row: Row = {
    instance: name,
    class: cls(name),
    distance,
    vehicles: check.figures.routes,
    reference,
    gap: (100 * (distance - reference)) / reference,
    seconds: res.seconds,
    feasible: check.feasible && check.figures.unassigned === 0,
    unassigned: check.figures.unassigned,
  };
  rows.push(row);
  console.log(
    `${name.padEnd(8)}  ${distance.toFixed(2).padStart(8)}  ${String(row.vehicles).padStart(4)}  ${reference.toFixed(2).padStart(9)}  ${row.gap.toFixed(2).padStart(6)}  ${row.seconds.toFixed(1).padStart(5)}  ${row.feasible ? 'yes' : `NO (${row.unassigned} unassigned)`}`,
  );
}

function stats(gaps: number[]) {
  const s = [...gaps].sort((a, b) => a - b);
  return {
    n: s.length,
    mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length),
    median: quantile(s, 0.5),
    max: s.length ? s[s.length - 1] : NaN,
  };
}
const classes = [...new Set(rows.map((r) => r.class))];
const summary: Record<string, ReturnType<typeof stats>> = {};
for (const c of classes) summary[c] = stats(rows.filter((r) => r.class === c).map((r) => r.gap));
summary.all = stats(rows.map((r) => r.gap));
console.log('\nclass  n   mean gap %  median gap %  max gap %');
for (const [c, s] of Object.entries(summary)) {
  console.log(
    `${c.padEnd(5)} ${String(s.n).padStart(3)}   ${s.mean.toFixed(3).padStart(8)}  ${s.median.toFixed(3).padStart(10)}  ${s.max.toFixed(3).padStart(9)}`,
  );
}
const secs = rows.map((r) => r.seconds);
console.log(
  `seconds per instance: mean ${(secs.reduce((a, b) => a + b, 0) / Math.max(1, secs.length)).toFixed(2)}, max ${Math.max(...secs).toFixed(2)}; all feasible: ${rows.every((r) => r.feasible)}`,
);
const outDir = path.join(repoRoot, 'bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, 'solomon.json'),
  `${JSON.stringify({ date: new Date().toISOString(), timeLimit, threads, seed, rows, summary }, null, 1)}\n`,
);
console.log(`wrote ${path.join(outDir, 'solomon.json')}`);
