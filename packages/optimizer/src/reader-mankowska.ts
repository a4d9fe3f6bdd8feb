/**
 * Reader of the HHCRSP instances of Mankowska, Meisel & Bierwirth (2014) — home health care
 * routing with skills and interdependent double services — into the common Problem model
 * (see `data/hhcrsp/README.md` for the format). Every error names the line.
 *
 * Mapping: node 0 is the depot where every caregiver starts (time 0), node N−1 the depot
 * copy where they end; caregivers are staff "1".."K" with skills "s1".."sS" (the file's
 * services, 1-based); each service a patient needs is a visit "<node>-s<service>" that must
 * start at or after `e` and should start by `l` (later is allowed and priced: tardiness);
 * a double-service patient's two visits form a dependency, the lower service first, with the
 * file's mind / maxd as gap (0 / 0: simultaneous) and two different caregivers. Travel is
 * the file's matrix `d`. There is no shift end, so a shift ends at 1,000,000 minutes.
 * Processing times are read from the first caregiver's row, as the published codes do (the
 * files give the same times for every caregiver).
 * Objective: one third each of travel, total tardiness and maximal tardiness.
 */
import type { Dependency, Location, Problem, Recipient, Staff, Visit } from './model.ts';
import { InputError } from './input-error.ts';

const SECTIONS = ['nbNodes', 'nbVehi', 'nbServi', 'r', 'DS', 'a', 'x', 'y', 'd', 'p', 'mind', 'maxd', 'e', 'l'];
/** No shift end in the benchmark: shifts end this late. */
export const MANKOWSKA_SHIFT_END = 1_000_000;

interface Section {
  line: number;
  /** Values with the (1-based) line each came from. */
  values: number[];
  lines: number[];
}

export function parseMankowska(text: string, name = 'mankowska'): Problem {
  const rows = text.split(/\r?\n/);
  const sec = new Map<string, Section>();
  let cur: Section | undefined;
  rows.forEach((raw, i) => {
    const line = i + 1;
    const toks = raw.trim().split(/\s+/).filter(Boolean);
    if (toks.length === 0) return;
    if (/^[A-Za-z]/.test(toks[0])) {
      if (toks.length > 1 || !SECTIONS.includes(toks[0]))
        throw new InputError(
          `mankowska line ${line}: unknown section "${raw.trim()}" (expected one of ${SECTIONS.join(', ')})`,
        );
      if (sec.has(toks[0])) throw new InputError(`mankowska line ${line}: section "${toks[0]}" appears twice`);
      cur = { line, values: [], lines: [] };
      sec.set(toks[0], cur);
      return;
    }
    if (!cur) throw new InputError(`mankowska line ${line}: values before the first section keyword`);
    for (const t of toks) {
      if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t))
        throw new InputError(`mankowska line ${line}: malformed number "${t}"`);
      cur.values.push(Number(t));
      cur.lines.push(line);
    }
  });
  const need = (key: string): Section => {
    const s = sec.get(key);
    if (!s) throw new InputError(`mankowska: no "${key}" section`);
    return s;
  };
  /** A section with exactly `count` values (`what` names their shape in the message). */
  const values = (key: string, count: number, what: string): Section => {
    const s = need(key);
    if (s.values.length !== count) {
      const at = s.values.length > count ? s.lines[count] : (s.lines[s.lines.length - 1] ?? s.line);
      throw new InputError(
        `mankowska line ${at}: section "${key}" has ${s.values.length} values, expected ${count} (${what})`,
      );
    }
    return s;
  };
  const count = (key: string, min: number): number => {
    const s = values(key, 1, 'one number');
    const x = s.values[0];
    if (!Number.isInteger(x) || x < min)
      throw new InputError(`mankowska line ${s.lines[0]}: ${key} must be an integer ≥ ${min}, got ${x}`);
    return x;
  };
  const N = count('nbNodes', 3);
  const K = count('nbVehi', 1);
  const S = count('nbServi', 1);
  const binary = (s: Section, key: string) => {
    s.values.forEach((x, i) => {
      if (x !== 0 && x !== 1)
        throw new InputError(`mankowska line ${s.lines[i]}: "${key}" values must be 0 or 1, got ${x}`);
    });
  };
  const r = values('r', N * S, `${N} nodes × ${S} services`);
  binary(r, 'r');
  const a = values('a', K * S, `${K} caregivers × ${S} services`);
  binary(a, 'a');
  const x = values('x', N, `${N} nodes`);
  const y = values('y', N, `${N} nodes`);
  const d = values('d', N * N, `${N} × ${N} nodes`);
  const p = values('p', N * K * S, `${N} nodes × ${K} caregivers × ${S} services`);
  const mind = values('mind', N, `${N} nodes`);
  const maxd = values('maxd', N, `${N} nodes`);
  const e = values('e', N, `${N} nodes`);
  const l = values('l', N, `${N} nodes`);
  d.values.forEach((v, i) => {
    if (v < 0) throw new InputError(`mankowska line ${d.lines[i]}: negative travel time ${v}`);
  });
  p.values.forEach((v, i) => {
    if (v < 0) throw new InputError(`mankowska line ${p.lines[i]}: negative processing time ${v}`);
  });

  // DS: 1-based node numbers of the double-service patients
  const ds = need('DS');
  const double = new Set<number>();
  ds.values.forEach((v, i) => {
    const node = v - 1;
    if (!Number.isInteger(v) || node < 1 || node > N - 2)
      throw new InputError(
        `mankowska line ${ds.lines[i]}: DS names node ${v}, expected a patient 2..${N - 1} (DS numbers are 1-based)`,
      );
    double.add(node);
  });
  const services = (node: number) => {
    const out: number[] = [];
    for (let s = 0; s < S; s++) if (r.values[node * S + s] === 1) out.push(s);
    return out;
  };
  for (let i = 1; i < N - 1; i++) {
    const n = services(i).length;
    const want = double.has(i) ? 2 : 1;
    if (n !== want)
      throw new InputError(
        `mankowska line ${r.lines[i * S]}: patient node ${i} (DS number ${i + 1}) needs ${n} services in "r", expected ${want}${want === 2 ? ' (listed in DS)' : ''}`,
      );
    if (l.values[i] < e.values[i])
      throw new InputError(
        `mankowska line ${l.lines[i]}: node ${i}'s window ends (${l.values[i]}) before it starts (${e.values[i]})`,
      );
    if (double.has(i) && maxd.values[i] < mind.values[i])
      throw new InputError(
        `mankowska line ${maxd.lines[i]}: node ${i}'s maxd (${maxd.values[i]}) is below mind (${mind.values[i]})`,
      );
  }

  const locations: Location[] = [];
  for (let i = 0; i < N; i++) locations.push({ id: String(i), x: x.values[i], y: y.values[i] });
  const minutes: number[][] = [];
  for (let i = 0; i < N; i++) minutes.push(d.values.slice(i * N, (i + 1) * N));
  const staff: Staff[] = [];
  for (let k = 0; k < K; k++) {
    const skills: string[] = [];
    for (let s = 0; s < S; s++) if (a.values[k * S + s] === 1) skills.push(`s${s + 1}`);
    staff.push({
      id: String(k + 1),
      skills,
      start: '0',
      end: String(N - 1),
      shifts: [{ day: 0, start: e.values[0], end: MANKOWSKA_SHIFT_END }],
    });
  }
  const recipients: Recipient[] = [];
  const visits: Visit[] = [];
  const dependencies: Dependency[] = [];
  for (let i = 1; i < N - 1; i++) {
    recipients.push({ id: String(i), location: String(i) });
    const ids: string[] = [];
    for (const s of services(i)) {
      const id = `${i}-s${s + 1}`;
      ids.push(id);
      visits.push({
        id,
        recipient: String(i),
        day: 0,
        earliest: e.values[i],
        latest: l.values[i],
        maxLate: MANKOWSKA_SHIFT_END,
        duration: p.values[(i * K + 0) * S + s],
        skills: [`s${s + 1}`],
        staff: 1,
      });
    }
    if (ids.length === 2)
      dependencies.push({
        first: ids[0],
        second: ids[1],
        minGap: mind.values[i],
        maxGap: maxd.values[i],
        distinctStaff: true,
      });
  }
  return {
    format: 'tillit-homecare/1',
    name,
    days: 1,
    travel: { model: 'matrix', minutes },
    locations,
    staff,
    recipients,
    visits,
    kind: 'mankowska',
    dependencies,
    objective: { travel: 1 / 3, tardiness: 1 / 3, maxTardiness: 1 / 3 },
  };
}
