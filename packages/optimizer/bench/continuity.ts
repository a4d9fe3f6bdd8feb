/**
 * Continuity benchmark: `npm run bench:continuity [-- --sizes 60,120,300 --shape teams|city --staffing tight|loose --time-limit S --threads N --seed N --seeds A,B,...]`
 * Generated 14-day districts, each planned continuity-aware and travel-only (continuity
 * weight 0, the same solver). Shapes: `teams` (the generator's teams, bases and preferred
 * helpers; staff = people / 3) and `city` (one base for everyone, no teams, no preferred
 * helpers, the heavy care mix: about 34 visits a person in 14 days, so 300 people give about
 * 10,000 visits and 600 about 20,000; staffing tight = people / 3, loose = people / 2.5).
 * Beside each district: the capacity-free lower bound of distinct helpers per person
 * (helper-bound.ts), and the targets it gives (median ≤ 3 and p90 ≤ 5 where the bound
 * allows, else bound + 1). Prints the load average with each run and the peak memory (RSS of
 * the process and its worker threads), and writes bench-results/continuity.json.
 *
 * `--seed N` draws the district (and is the solver seed when `--seeds` is not given);
 * `--seeds 1,2,3` plans the same district once per solver seed, each against a travel-only
 * plan of the same seed, and prints a summary per size: one time-limited run is one draw
 * (the same settings vary by several points of travel), so targets are judged on means.
 * `--parts N|auto` plans the continuity-aware plan in parts (solve-parts.ts); without it the
 * solver's default applies (parts above 15,000 visits: the 600-person city district). The
 * travel-only reference is always planned whole, so Δtravel is measured against the same
 * reference; a plan made in parts says so at the end of its line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { checkSolution } from '../src/checker.ts';
import { generateDistrict } from '../src/generator.ts';
import { helperLowerBound } from '../src/helper-bound.ts';
import { solveParallel } from '../src/solver/parallel.ts';
import { summarise, targets, type RunRow, type SizeSummary } from './continuity-summary.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    sizes: { type: 'string', default: '60,120,300' },
    'time-limit': { type: 'string' },
    threads: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    'local-search': { type: 'string' },
    seeds: { type: 'string' },
    'continuity-weight': { type: 'string' },
    shape: { type: 'string', default: 'teams' },
    staffing: { type: 'string', default: 'tight' },
    bound: { type: 'boolean', default: true },
    parts: { type: 'string' },
  },
});
const partsOption = values.parts === undefined ? undefined : values.parts === 'auto' ? 'auto' : Number(values.parts);
const shape = values.shape === 'city' ? 'city' : 'teams';
const loose = values.staffing === 'loose';
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
/** Peak resident memory, sampled while the solver runs (worker threads are in the same process). */
let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 200);
const sizes = values.sizes!.split(',').map(Number);
const threads = Number(values.threads);
const seed = Number(values.seed);
const localSearch = values['local-search'] as 'off' | 'best' | 'accept' | 'final' | undefined;
const solverSeeds = values.seeds ? values.seeds.split(',').map(Number) : [seed];
for (const [name, list] of [
  ['--sizes', sizes],
  ['--seeds', solverSeeds],
] as const) {
  if (list.some((n) => !Number.isInteger(n) || n < 0))
    throw new Error(`${name}: expected a comma-separated list of whole numbers`);
}
/**
 * Default time per run: 20 s for 60 people, 40 s for 120, 110 s for 300 (team districts); city
 * districts 110 s up to 11,000 visits, else 290 s (targets: 10,000 visits in ≤ 120 s, 20,000 in ≤ 300 s).
 */
const defaultTime = (people: number, visits: number) =>
  shape === 'city' ? (visits <= 11000 ? 110 : 290) : people <= 60 ? 20 : people <= 120 ? 40 : 110;

const rows: RunRow[] = [];
const summaries: SizeSummary[] = [];
console.log(
  `Continuity benchmark: ${shape} districts${shape === 'city' ? ` (${loose ? 'loose' : 'tight'} staffing)` : ''}, 14 days, seed ${seed}, ${threads} thread(s), solver seed(s) ${solverSeeds.join(',')}${partsOption !== undefined ? `, continuity plan in parts: ${partsOption}` : ''}; load average ${load()}`,
);
console.log(
  'people staff visits seed  plan        unassigned   travel  Δtravel%  helpers mean/median/p90   COC    preferred  seconds  feasible',
);
const bounds: Record<number, { mean: number; median: number; p90: number; exact: boolean; seconds: number }> = {};
for (const people of sizes) {
  const problem =
    shape === 'city'
      ? generateDistrict({
          people,
          staff: Math.round(people / (loose ? 2.5 : 3)),
          days: 14,
          seed,
          teams: false,
          preferred: false,
          mix: 'heavy',
        })
      : generateDistrict({ people, days: 14, seed });
  const timeLimit = values['time-limit'] ? Number(values['time-limit']) : defaultTime(people, problem.visits.length);
  let target = targets();
  if (values.bound) {
    const t0 = performance.now();
    const b = helperLowerBound(problem);
    bounds[people] = {
      mean: b.mean,
      median: b.median,
      p90: b.p90,
      exact: b.exact,
      seconds: (performance.now() - t0) / 1000,
    };
    target = targets(b);
    console.log(
      `${people} people, ${problem.staff.length} staff, ${problem.visits.length} visits: capacity-free lower bound of distinct helpers mean ${b.mean.toFixed(2)} / median ${b.median} / p90 ${b.p90}${b.exact ? '' : ' (proven part of the search; a lower bound still)'} → targets median ≤ ${target.median}, p90 ≤ ${target.p90}`,
    );
  }
  for (const solverSeed of solverSeeds) {
    let baseTravel = NaN;
    for (const mode of ['travel-only', 'continuity'] as const) {
      peakRss = 0;
      const res = await solveParallel(problem, {
        timeLimit,
        seed: solverSeed,
        threads,
        parts: mode === 'continuity' ? partsOption : undefined,
        localSearch,
        continuityWeight:
          mode === 'travel-only' ? 0 : values['continuity-weight'] ? Number(values['continuity-weight']) : undefined,
      });
      const c = checkSolution(problem, res.solution);
      const f = c.figures;
      if (mode === 'travel-only') baseTravel = f.travel;
      const dTravel = (100 * (f.travel - baseTravel)) / baseTravel;
      rows.push({
        people,
        staff: problem.staff.length,
        visits: problem.visits.length,
        seed: solverSeed,
        plan: mode,
        unassigned: f.unassigned,
        travel: f.travel,
        travelVsTravelOnlyPct: dTravel,
        distinctHelpers: f.distinctHelpers,
        coc: f.cocMean,
        preferredShare: f.preferredShare,
        seconds: res.seconds,
        timeLimit,
        feasible: c.feasible,
        peakRssMB: Math.round(peakRss / 2 ** 20),
        load: loadavg()[0],
      });
      console.log(
        `${String(people).padStart(6)} ${String(problem.staff.length).padStart(5)} ${String(problem.visits.length).padStart(6)} ${String(solverSeed).padStart(4)}  ${mode.padEnd(11)} ${String(f.unassigned).padStart(10)} ${f.travel.toFixed(0).padStart(8)} ${dTravel.toFixed(1).padStart(8)}   ${f.distinctHelpers.mean.toFixed(2).padStart(6)} / ${String(f.distinctHelpers.median).padStart(4)} / ${f.distinctHelpers.p90.toFixed(1).padStart(4)}    ${f.cocMean.toFixed(3)}  ${f.preferredShare.toFixed(3).padStart(9)}  ${res.seconds.toFixed(1).padStart(7)}  ${c.feasible ? 'yes' : 'NO'}  peak ${Math.round(peakRss / 2 ** 20)} MB  load ${load()}${res.solution.solver?.parts ? `  parts ${res.solution.solver.parts}` : ''}`,
      );
    }
  }
  if (solverSeeds.length > 1) summaries.push(summarise(people, rows, target));
}
if (summaries.length > 0) {
  console.log(
    '\nMeans over the solver seeds (continuity plans against the travel-only plan of the same seed); "within" = runs meeting the target',
  );
  console.log(
    'people runs  Δtravel% mean  within +15%  helpers mean  median ok  p90 mean  p90 ok  unassigned cont / travel-only  not more unassigned',
  );
  for (const s of summaries) {
    console.log(
      `${String(s.people).padStart(6)} ${String(s.runs).padStart(4)}  ${s.travelPctMean.toFixed(1).padStart(13)}  ${`${s.travelWithin}/${s.runs}`.padStart(11)}  ${s.helpersMean.toFixed(2).padStart(12)}  ${`${s.medianWithin}/${s.runs}`.padStart(9)}  ${s.p90Mean.toFixed(2).padStart(8)}  ${`${s.p90Within}/${s.runs}`.padStart(6)}  ${`${s.unassignedMean.toFixed(1)} / ${s.unassignedTravelOnlyMean.toFixed(1)}`.padStart(29)}  ${`${s.unassignedWithin}/${s.runs}`.padStart(19)}`,
    );
  }
}
const outDir = path.join(repoRoot, 'bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  path.join(outDir, 'continuity.json'),
  `${JSON.stringify({ date: new Date().toISOString(), shape, staffing: loose ? 'loose' : 'tight', threads, seed, solverSeeds, bounds, rows, summaries }, null, 1)}\n`,
);
clearInterval(sampler);
console.log(`wrote ${path.join(outDir, 'continuity.json')}`);
