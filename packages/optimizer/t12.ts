import { generateDistrict } from './src/generator.ts';
import { solve } from './src/solver/solve.ts';
const p = generateDistrict({ people: 300, seed: 1 });
let t = performance.now();
const r = solve(p, { iterations: Number(process.argv[2] ?? 1), seed: 1, continuityWeight: Number(process.argv[3] ?? 30) });
console.log(r.iterations, ((performance.now()-t)/1000).toFixed(2), r.unassigned);
