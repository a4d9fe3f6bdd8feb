import { generateDistrict } from './src/generator.ts';
import { solve } from './src/solver/solve.ts';
import { checkSolution } from './src/checker.ts';
const people = Number(process.argv[2] ?? 60); const tl = Number(process.argv[3] ?? 10);
const p = generateDistrict({ people, seed: 1 });
for (const spec of process.argv.slice(4)) {
  const [cw, t0, tf, cBar] = spec.split(':').map(Number);
  const r = solve(p, { timeLimit: tl, seed: 1, continuityWeight: cw, tuning: { t0: t0 || undefined, tf: tf || undefined, cBar: cBar || undefined } });
  const f = checkSolution(p, r.solution).figures;
  console.log(spec, r.iterations, 'un', f.unassigned, 'travel', f.travel.toFixed(0), 'dh', f.distinctHelpers.mean.toFixed(2), f.distinctHelpers.median, f.distinctHelpers.p90, 'coc', f.cocMean.toFixed(3), 'pref', f.preferredShare.toFixed(3));
}
