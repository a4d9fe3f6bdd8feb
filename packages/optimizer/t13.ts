import { generateDistrict } from './src/generator.ts';
const p = generateDistrict({ people: Number(process.argv[2] ?? 300), seed: 1 });
const staffDay = (d: number, eve: boolean) => p.staff.filter(s => s.shifts.some(x => x.day === d && (x.start >= 900) === eve)).length;
for (const d of [0, 1, 5]) {
  const buckets: number[] = Array(16).fill(0);
  for (const v of p.visits) if (v.day === d) { const b = Math.floor(v.earliest / 60) - 7; if (b >= 0 && b < 16) buckets[b] += v.duration * (v.staff ?? 1); }
  console.log('day', d, 'dayStaff', staffDay(d, false), 'eveStaff', staffDay(d, true), 'minutes by start hour 7..22', buckets.join(' '));
}
console.log(p.visits.length);
