import { generateDistrict } from './src/generator.ts';
import { solve } from './src/solver/solve.ts';
import { checkSolution } from './src/checker.ts';
const people = Number(process.argv[2] ?? 60); const tl = Number(process.argv[3] ?? 10);
const p = generateDistrict({ people, seed: 1 });
console.log(p.visits.length, 'visits', p.visits.filter(v=>v.staff===2).length, 'pairs', p.staff.length, 'staff');
for (const cw of [0, 30]) {
const r = solve(p, { timeLimit: tl, seed: 1, continuityWeight: cw });
const c = checkSolution(p, r.solution);
console.log('cw', cw, r.iterations, r.seconds.toFixed(1), c.feasible, c.errors.slice(0,3), JSON.stringify(c.figures));
}
