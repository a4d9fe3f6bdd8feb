import { readFileSync } from 'node:fs';
import { readProblem } from './src/readers.ts';
import { solve } from './src/solver/solve.ts';
const ref = new Map(readFileSync('/work/shared/data/solomon/reference.csv','utf8').split('\n').slice(1).filter(Boolean).map(l=>{const [a,b]=l.split(',');return [a,Number(b)] as [string,number];}));
const names = process.argv[2].split(','); const tl = Number(process.argv[3]);
for (const spec of process.argv.slice(4)) {
  const [t0, tf, cBar] = spec.split(':').map(Number);
  const gaps: string[] = []; let sum = 0;
  for (const n of names) {
    const p = readProblem(readFileSync(`/work/shared/data/solomon/${n}.txt`,'utf8'), {format:'solomon'});
    const r = solve(p, { timeLimit: tl, seed: 1, tuning: { t0: t0||undefined, tf: tf||undefined, cBar: cBar||undefined } });
    let d = 0; // compute travel from result
    const g = 100*(r.cost - ref.get(n)!)/ref.get(n)!; sum += g; gaps.push(`${n} ${g.toFixed(2)}`);
  }
  console.log(spec, 'mean', (sum/names.length).toFixed(3), gaps.join(' | '));
}
