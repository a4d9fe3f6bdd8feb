import { readFileSync } from 'node:fs';
import { parseProblemJson, readProblem } from './src/readers.ts';
import { checkSolution } from './src/checker.ts';
import { solve } from './src/solver/solve.ts';
const p = parseProblemJson(readFileSync('/work/shared/formats/example-problem.json','utf8'));
let r = solve(p, { iterations: 3000, seed: 1 });
console.log(r.iterations, r.seconds, JSON.stringify(checkSolution(p, r.solution)), r.solution.unassignable);
for (const name of (process.argv[2] ?? 'C101,R101,RC101,R201').split(',')) {
const q = readProblem(readFileSync(`/work/shared/data/solomon/${name}.txt`,'utf8'), { filename: name + '.txt' });
r = solve(q, { timeLimit: Number(process.argv[3] ?? 5), seed: 1 });
const c = checkSolution(q, r.solution);
console.log(name, r.iterations, r.seconds.toFixed(1), c.feasible, c.errors.slice(0,3), c.figures.travel.toFixed(2), c.figures.routes, c.figures.unassigned);
}
