import { generateDistrict } from './src/generator.ts';
import { solve } from './src/solver/solve.ts';
const p = generateDistrict({ people: 60, seed: 1 });
const r = solve(p, { iterations: Number(process.env.IT ?? 1), seed: 1, continuityWeight: 300 });
const vis = new Map(p.visits.map(v=>[v.id,v]));
const works = new Map(p.staff.map(s=>[s.id, new Set(s.shifts.map(x=>x.day))]));
const per = new Map<string, string[]>();
for (const rt of r.solution.routes) for (const st of rt.stops) { const v = vis.get(st.visit)!; const l = per.get(v.recipient) ?? []; l.push(`d${v.day}@${v.earliest}-${v.latest}:${rt.staff}`); per.set(v.recipient,l); }
for (const rid of ['r48','r4','r15','r21']) { const l = per.get(rid)!.sort((a,b)=>parseInt(a.slice(1))-parseInt(b.slice(1))); console.log(rid, p.recipients.find(x=>x.id===rid)!.preferred, l.join(' ')); }
console.log('unassigned of r48', r.solution.unassigned.filter(id=>vis.get(id)!.recipient==='r48'));
