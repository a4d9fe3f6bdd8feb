import { generateDistrict } from './src/generator.ts';
import { solve } from './src/solver/solve.ts';
import { checkSolution } from './src/checker.ts';
const p = generateDistrict({ people: Number(process.env.P ?? 60), seed: 1 });
for (const [cw, it] of [[0,1],[30,1],[300,1],[30,20000]]) {
const r = solve(p, { iterations: it, seed: 1, continuityWeight: cw });
const f = checkSolution(p, r.solution).figures; console.log(cw, it, r.iterations, f.unassigned, f.travel.toFixed(0), JSON.stringify(f.distinctHelpers), r.cost.toFixed(0));
}
