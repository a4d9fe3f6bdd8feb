import { generateDistrict } from './src/generator.ts';
import { solve } from './src/solver/solve.ts';
import { checkSolution } from './src/checker.ts';
const p = generateDistrict({ people: Number(process.env.P ?? 60), seed: 1 });
const r = solve(p, { timeLimit: 10, seed: 1, continuityWeight: Number(process.argv[2] ?? 30) });
const f = checkSolution(p, r.solution).figures; console.log(r.iterations, f.unassigned, f.travel.toFixed(0), f.distinctHelpers);
const vis = new Map(p.visits.map(v=>[v.id,v]));
const per = new Map<string, {day:Set<string>, eve:Set<string>, n:number, pairs:number}>();
for (const rt of r.solution.routes) { const eve = p.staff.find(s=>s.id===rt.staff)!.shifts[0].start >= 900; for (const st of rt.stops) { const v = vis.get(st.visit)!; const x = per.get(v.recipient) ?? {day:new Set(),eve:new Set(),n:0,pairs:0}; (eve?x.eve:x.day).add(rt.staff); x.n++; if (v.staff===2) x.pairs++; per.set(v.recipient,x);} }
const rows = [...per.entries()].map(([k,x])=>`${k}:${x.day.size}+${x.eve.size}(${x.n}${x.pairs?' p'+x.pairs:''})`);
console.log(rows.join(' '));
// staff on duty per day
console.log(p.staff.map(s=>s.id+':'+(s.shifts[0]?.start>=900?'E':'D')+s.shifts.map(x=>x.day).join(',')).join(' '));
