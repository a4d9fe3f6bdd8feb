import { generateDistrict } from './src/generator.ts';
import { solve } from './src/solver/solve.ts';
import { checkSolution } from './src/checker.ts';
const people = Number(process.argv[2]); const staff = Number(process.argv[3]); const tl = Number(process.argv[4]);
const p = generateDistrict({ people, staff, seed: Number(process.env.SEED ?? 1), rota: (process.env.ROTA as any) ?? 'mixed' });
console.log(p.visits.length, 'visits');
for (const cw of process.argv.slice(5).map(Number)) {
const r = solve(p, { timeLimit: tl, seed: 1, continuityWeight: cw, tuning: process.env.WARM ? { warmStart: Number(process.env.WARM) } : undefined });
const f = checkSolution(p, r.solution).figures; console.log(cw, r.iterations, 'un', f.unassigned, 'travel', f.travel.toFixed(0), JSON.stringify(f.distinctHelpers), 'coc', f.cocMean.toFixed(3), 'pref', f.preferredShare.toFixed(3));
}
