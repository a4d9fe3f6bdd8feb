import { generateDistrict } from './src/generator.ts';
import { solve } from './src/solver/solve.ts';
const p = generateDistrict({ people: Number(process.env.P ?? 60), seed: 1 });
const r = solve(p, { timeLimit: 10, seed: 1, continuityWeight: 0 });
const byId = new Map(p.visits.map(v=>[v.id,v]));
const agg: Record<string, number> = {};
for (const id of r.solution.unassigned) { const v = byId.get(id)!; const k = `dow${v.day%7} t${Math.floor(v.earliest/60)} s${v.staff} ${v.skills?.join('+')}`; agg[k]=(agg[k]??0)+1; }
console.log(Object.entries(agg).sort((a,b)=>b[1]-a[1]).slice(0,30));
const perDay: number[] = Array(14).fill(0); for (const s of p.staff) for (const sh of s.shifts) perDay[sh.day]++;
console.log(perDay);
const dem: number[] = Array(14).fill(0); for (const v of p.visits) dem[v.day]+=v.duration*(v.staff??1); console.log(dem);
