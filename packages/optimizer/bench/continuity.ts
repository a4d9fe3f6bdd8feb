/**
 * Continuity benchmark: `npm run bench:continuity [-- --sizes 60,120,300 --time-limit S --threads N --seed N --seeds A,B,...]`
 * Generated 14-day districts of 60, 120 and 300 people (staff = people / 3), each planned
 * continuity-aware and travel-only (continuity weight 0). Prints a table and writes
 * bench-results/continuity.json.
 *
 * `--seed N` draws the district (and is the solver seed when `--seeds` is not given);
 * `--seeds 1,2,3` plans the same district once per solver seed, each against a travel-only
 * plan of the same seed, and prints a summary per size: one time-limited run is one draw
 * (the same settings vary by several points of travel), so targets are judged on means.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkSolution } from '../src/checker.ts';
import { generateDistrict } from '../src/generator.ts';
import { solveParallel } from '../src/solver/parallel.ts';
import { summarise, type RunRow, type SizeSummary } from './continuity-summary.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    sizes: { type: 'string', default: '60,120,300' },
    'time-limit': { type: 'string' },
    threads: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string' },
    'continuity-weight': { type: 'string' },
  },
});
const sizes = values.sizes!.split(',').map(Number);
const threads = Number(values.threads);
const seed = Number(values.seed);
const solverSeeds = values.seeds ? values.seeds.split(',').map(Number) : [seed];
for (const [name, list] of [
  ['--sizes', sizes],
  ['--seeds', solverSeeds],
] as const) {
  if (list.some((n) => !Number.isInteger(n) || n < 0))
    throw new Error(`${name}: expected a comma-separated list of whole numbers`);
}
/** Default time per run: 20 s for 60 people, 40 s for 120, 110 s for 300 (the 300-person target is ≤ 120 s). */
const defaultTime = (people: number) => (people <= 60 ? 20 : people <= 120 ? 40 : 110);

const rows: RunRow[] = [];
const summaries: SizeSummary[] = [];
console.log(
  `Continuity benchmark: 14-day districts of seed ${seed}, ${threads} thread(s), solver seed(s) ${solverSeeds.join(',')}`,
);
console.log(
  'people staff visits seed  plan        unassigned   travel  Δtravel%  helpers mean/median/p90   COC    preferred  seconds  feasible',
);
for (const people of sizes) {
  const problem = generateDistrict({ people, days: 14, seed });
  const timeLimit = values['time-limit'] ? Number(values['time-limit']) : defaultTime(people);
  for (const solverSeed of solverSeeds) {
    let baseTravel = NaN;
    for (const mode of ['travel-only', 'continuity'] as const) {
      const res = await solveParallel(problem, {
        timeLimit,
        seed: solverSeed,
        threads,
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
      });
      console.log(
        `${String(people).padStart(6)} ${String(problem.staff.length).padStart(5)} ${String(problem.visits.length).padStart(6)} ${String(solverSeed).padStart(4)}  ${mode.padEnd(11)} ${String(f.unassigned).padStart(10)} ${f.travel.toFixed(0).padStart(8)} ${dTravel.toFixed(1).padStart(8)}   ${f.distinctHelpers.mean.toFixed(2).padStart(6)} / ${String(f.distinctHelpers.median).padStart(4)} / ${f.distinctHelpers.p90.toFixed(1).padStart(4)}    ${f.cocMean.toFixed(3)}  ${f.preferredShare.toFixed(3).padStart(9)}  ${res.seconds.toFixed(1).padStart(7)}  ${c.feasible ? 'yes' : 'NO'}`,
      );
    }
  }
  if (solverSeeds.length > 1) summaries.push(summarise(people, rows));
}
if (summaries.length > 0) {
  console.log(
    '\nMeans over the solver seeds (continuity plans against the travel-only plan of the same seed); "within" = runs meeting the target',
  );
  console.log(
    'people runs  Δtravel% mean  within +15%  helpers mean  median ≤3  p90 mean  p90 ≤5  unassigned cont / travel-only  not more unassigned',
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
  `${JSON.stringify({ date: new Date().toISOString(), threads, seed, solverSeeds, rows, summaries }, null, 1)}\n`,
);
console.log(`wrote ${path.join(outDir, 'continuity.json')}`);
