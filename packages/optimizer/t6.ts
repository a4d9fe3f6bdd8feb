import { generateDistrict } from './src/generator.ts';
import { solve } from './src/solver/solve.ts';
const p = generateDistrict({ people: 60, seed: 1 });
const r = solve(p, { timeLimit: 8, seed: 1, continuityWeight: Number(process.argv[2] ?? 30) });
console.log(r.iterations);
