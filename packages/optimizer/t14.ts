import { generateDistrict } from './src/generator.ts';
import { solve } from './src/solver/solve.ts';
const p = generateDistrict({ people: 60, seed: 1 });
const r = solve(p, { timeLimit: 15, seed: 1, continuityWeight: Number(process.argv[2] ?? 30) });
const vis = new Map(p.visits.map(v=>[v.id,v]));
const eveStaff = new Set(p.staff.filter(s=>s.shifts.some(x=>x.start>=900)).map(s=>s.id));
const per = new Map<string, {day:Set<string>, eve:Set<string>, n:number, pairs:number}>();
for (const rt of r.solution.routes) for (const st of rt.stops) { const v = vis.get(st.visit)!; const x = per.get(v.recipient) ?? {day:new Set(),eve:new Set(),n:0,pairs:0}; (eveStaff.has(rt.staff)?x.eve:x.day).add(rt.staff); x.n++; if (v.staff===2) x.pairs++; per.set(v.recipient,x);} 
const dayOnly = [...per.values()].filter(x=>x.eve.size===0 && x.pairs===0).map(x=>x.day.size);
const both = [...per.values()].filter(x=>x.eve.size>0 && x.pairs===0).map(x=>`${x.day.size}+${x.eve.size}`);
console.log('dayOnly', dayOnly.sort().join(' '));
console.log('both', both.sort().join(' '));
console.log('pairs', [...per.values()].filter(x=>x.pairs>0).map(x=>`${x.day.size}+${x.eve.size}`).join(' '));
