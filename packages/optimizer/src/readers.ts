/**
 * Readers: strings in, plain objects out (no file system). Every error names the place
 * (file position, list and id) so that a planner can fix the input.
 */
import type { Dependency, Location, Problem, Recipient, Shift, Solution, Staff, Visit } from './model.ts';
import { InputError } from './input-error.ts';
import { parseMankowska } from './reader-mankowska.ts';

export { InputError };

type Obj = Record<string, unknown>;

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function num(x: unknown, where: string, opts: { int?: boolean; min?: number } = {}): number {
  if (typeof x !== 'number' || !Number.isFinite(x))
    throw new InputError(`${where}: expected a number, got ${JSON.stringify(x)}`);
  if (opts.int && !Number.isInteger(x)) throw new InputError(`${where}: expected an integer, got ${x}`);
  if (opts.min !== undefined && x < opts.min) throw new InputError(`${where}: must be ≥ ${opts.min}, got ${x}`);
  return x;
}

function str(x: unknown, where: string): string {
  if (typeof x !== 'string' || x.length === 0)
    throw new InputError(`${where}: expected a non-empty string, got ${JSON.stringify(x)}`);
  return x;
}

function arr(x: unknown, where: string): unknown[] {
  if (!Array.isArray(x)) throw new InputError(`${where}: expected a list`);
  return x;
}

function strList(x: unknown, where: string): string[] {
  if (x === undefined) return [];
  return arr(x, where).map((s, i) => str(s, `${where}[${i}]`));
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${what}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function uniqueIds<T extends { id: string }>(items: T[], list: string): Map<string, number> {
  const m = new Map<string, number>();
  items.forEach((it, i) => {
    if (m.has(it.id)) throw new InputError(`${list}[${i}]: duplicate id "${it.id}"`);
    m.set(it.id, i);
  });
  return m;
}

/** Validates a `tillit-homecare/1` object and returns it as a typed Problem (a clean copy). */
export function validateProblem(raw: unknown): Problem {
  if (!isObj(raw)) throw new InputError('problem: expected a JSON object');
  if (raw.format !== 'tillit-homecare/1')
    throw new InputError(`problem.format: expected "tillit-homecare/1", got ${JSON.stringify(raw.format)}`);
  const name = raw.name === undefined ? 'problem' : str(raw.name, 'problem.name');
  const days = num(raw.days, 'problem.days', { int: true, min: 1 });
  const locations: Location[] = arr(raw.locations, 'problem.locations').map((l, i) => {
    const w = `locations[${i}]`;
    if (!isObj(l)) throw new InputError(`${w}: expected an object`);
    const loc: Location = { id: str(l.id, `${w}.id`) };
    if (l.lat !== undefined || l.lon !== undefined) {
      loc.lat = num(l.lat, `${w} ("${loc.id}").lat`);
      loc.lon = num(l.lon, `${w} ("${loc.id}").lon`);
      if (Math.abs(loc.lat) > 90 || Math.abs(loc.lon) > 180)
        throw new InputError(`${w} ("${loc.id}"): coordinates out of range`);
    }
    if (l.x !== undefined || l.y !== undefined) {
      loc.x = num(l.x, `${w} ("${loc.id}").x`);
      loc.y = num(l.y, `${w} ("${loc.id}").y`);
    }
    return loc;
  });
  const locIdx = uniqueIds(locations, 'locations');
  const t = raw.travel;
  if (!isObj(t)) throw new InputError('problem.travel: expected an object');
  let travel: Problem['travel'];
  if (t.model === 'haversine') {
    travel = {
      model: 'haversine',
      speedKmh: num(t.speedKmh, 'travel.speedKmh'),
      detourFactor: num(t.detourFactor ?? 1, 'travel.detourFactor'),
    };
    if (travel.speedKmh <= 0) throw new InputError('travel.speedKmh: must be > 0');
    locations.forEach((l, i) => {
      if (l.lat === undefined)
        throw new InputError(`locations[${i}] ("${l.id}"): lat/lon needed by the haversine travel model`);
    });
  } else if (t.model === 'matrix') {
    const rows = arr(t.minutes, 'travel.minutes');
    if (rows.length !== locations.length)
      throw new InputError(`travel.minutes: ${rows.length} rows for ${locations.length} locations`);
    const minutes = rows.map((r, i) => {
      const row = arr(r, `travel.minutes[${i}]`);
      if (row.length !== locations.length)
        throw new InputError(`travel.minutes[${i}]: ${row.length} columns for ${locations.length} locations`);
      return row.map((x, j) => num(x, `travel.minutes[${i}][${j}]`, { min: 0 }));
    });
    travel = { model: 'matrix', minutes };
  } else if (t.model === 'euclidean') {
    travel = { model: 'euclidean' };
    locations.forEach((l, i) => {
      if (l.x === undefined)
        throw new InputError(`locations[${i}] ("${l.id}"): x/y needed by the euclidean travel model`);
    });
  } else throw new InputError(`travel.model: expected "haversine" or "matrix", got ${JSON.stringify(t.model)}`);

  const needLoc = (id: string, where: string) => {
    if (!locIdx.has(id)) throw new InputError(`${where}: unknown location "${id}"`);
    return id;
  };
  const staff: Staff[] = arr(raw.staff, 'problem.staff').map((s, i) => {
    let w = `staff[${i}]`;
    if (!isObj(s)) throw new InputError(`${w}: expected an object`);
    const id = str(s.id, `${w}.id`);
    w = `${w} ("${id}")`;
    const seenDays = new Set<number>();
    const shifts: Shift[] = arr(s.shifts ?? [], `${w}.shifts`).map((sh, k) => {
      const ws = `${w}.shifts[${k}]`;
      if (!isObj(sh)) throw new InputError(`${ws}: expected an object`);
      const day = num(sh.day, `${ws}.day`, { int: true, min: 0 });
      if (day >= days) throw new InputError(`${ws}.day: ${day} is outside the horizon 0..${days - 1}`);
      const start = num(sh.start, `${ws}.start`);
      const end = num(sh.end, `${ws}.end`);
      if (end < start) throw new InputError(`${ws}: shift ends (${end}) before it starts (${start})`);
      if (seenDays.has(day)) throw new InputError(`${ws}: a second shift on day ${day} (at most one a day)`);
      seenDays.add(day);
      return { day, start, end };
    });
    const st: Staff = {
      id,
      skills: strList(s.skills, `${w}.skills`),
      start: needLoc(str(s.start, `${w}.start`), `${w}.start`),
      end: needLoc(str(s.end ?? s.start, `${w}.end`), `${w}.end`),
      shifts,
    };
    if (s.capacity !== undefined) st.capacity = num(s.capacity, `${w}.capacity`, { min: 0 });
    return st;
  });
  const staffIdx = uniqueIds(staff, 'staff');
  const recipients: Recipient[] = arr(raw.recipients, 'problem.recipients').map((r, i) => {
    let w = `recipients[${i}]`;
    if (!isObj(r)) throw new InputError(`${w}: expected an object`);
    const id = str(r.id, `${w}.id`);
    w = `${w} ("${id}")`;
    const rec: Recipient = { id, location: needLoc(str(r.location, `${w}.location`), `${w}.location`) };
    if (r.preferred !== undefined) {
      rec.preferred = strList(r.preferred, `${w}.preferred`);
      rec.preferred.forEach((p, k) => {
        if (!staffIdx.has(p)) throw new InputError(`${w}.preferred[${k}]: unknown staff "${p}"`);
      });
    }
    if (r.history !== undefined) {
      if (!isObj(r.history)) throw new InputError(`${w}.history: expected an object`);
      const h: Record<string, number> = {};
      for (const [k, v] of Object.entries(r.history)) {
        if (!staffIdx.has(k)) throw new InputError(`${w}.history: unknown staff "${k}"`);
        h[k] = num(v, `${w}.history.${k}`, { min: 0 });
      }
      rec.history = h;
    }
    return rec;
  });
  const recIdx = uniqueIds(recipients, 'recipients');
  const visits: Visit[] = arr(raw.visits, 'problem.visits').map((v, i) => {
    let w = `visits[${i}]`;
    if (!isObj(v)) throw new InputError(`${w}: expected an object`);
    const id = str(v.id, `${w}.id`);
    w = `${w} ("${id}")`;
    const recipient = str(v.recipient, `${w}.recipient`);
    if (!recIdx.has(recipient)) throw new InputError(`${w}.recipient: unknown recipient "${recipient}"`);
    const day = num(v.day, `${w}.day`, { int: true, min: 0 });
    if (day >= days) throw new InputError(`${w}.day: ${day} is outside the horizon 0..${days - 1}`);
    const earliest = num(v.earliest, `${w}.earliest`);
    const latest = num(v.latest, `${w}.latest`);
    if (latest < earliest) throw new InputError(`${w}: window ends (${latest}) before it starts (${earliest})`);
    const vis: Visit = {
      id,
      recipient,
      day,
      earliest,
      latest,
      duration: num(v.duration, `${w}.duration`, { min: 0 }),
      skills: strList(v.skills, `${w}.skills`),
      staff: v.staff === undefined ? 1 : num(v.staff, `${w}.staff`, { int: true, min: 1 }),
    };
    if (vis.staff! > 2) throw new InputError(`${w}.staff: at most 2 helpers per visit are supported, got ${vis.staff}`);
    if (v.pinned !== undefined && v.pinned !== null) {
      vis.pinned = str(v.pinned, `${w}.pinned`);
      if (!staffIdx.has(vis.pinned)) throw new InputError(`${w}.pinned: unknown staff "${vis.pinned}"`);
    }
    if (v.demand !== undefined) vis.demand = num(v.demand, `${w}.demand`, { min: 0 });
    if (v.maxLate !== undefined) vis.maxLate = num(v.maxLate, `${w}.maxLate`, { min: 0 });
    return vis;
  });
  const visitIdx = uniqueIds(visits, 'visits');
  const p: Problem = { format: 'tillit-homecare/1', name, days, travel, locations, staff, recipients, visits };
  if (raw.maxRoutes !== undefined) p.maxRoutes = num(raw.maxRoutes, 'problem.maxRoutes', { int: true, min: 0 });
  if (raw.kind === 'solomon' || raw.kind === 'homecare' || raw.kind === 'mankowska') p.kind = raw.kind;
  if (raw.dependencies !== undefined) p.dependencies = readDependencies(raw.dependencies, visitIdx);
  if (raw.objective !== undefined) {
    const o = raw.objective;
    if (!isObj(o)) throw new InputError('problem.objective: expected an object');
    p.objective = {};
    for (const k of ['travel', 'tardiness', 'maxTardiness'] as const)
      if (o[k] !== undefined) p.objective[k] = num(o[k], `objective.${k}`, { min: 0 });
  }
  return p;
}

function readDependencies(raw: unknown, visitIdx: Map<string, number>): Dependency[] {
  const inDep = new Map<string, number>();
  return arr(raw, 'problem.dependencies').map((d, i) => {
    const w = `dependencies[${i}]`;
    if (!isObj(d)) throw new InputError(`${w}: expected an object`);
    const first = str(d.first, `${w}.first`);
    const second = str(d.second, `${w}.second`);
    for (const [k, id] of [
      ['first', first],
      ['second', second],
    ] as const) {
      if (!visitIdx.has(id)) throw new InputError(`${w}.${k}: unknown visit "${id}"`);
      // each visit in at most one dependency: the solver inserts a dependent pair jointly
      const other = inDep.get(id);
      if (other !== undefined) throw new InputError(`${w}.${k}: visit "${id}" is already in dependencies[${other}]`);
      inDep.set(id, i);
    }
    if (first === second) throw new InputError(`${w}: first and second are the same visit "${first}"`);
    const minGap = num(d.minGap, `${w}.minGap`);
    const maxGap = num(d.maxGap, `${w}.maxGap`);
    if (maxGap < minGap) throw new InputError(`${w}: maxGap (${maxGap}) is below minGap (${minGap})`);
    const dep: Dependency = { first, second, minGap, maxGap };
    if (d.distinctStaff !== undefined) {
      if (typeof d.distinctStaff !== 'boolean')
        throw new InputError(`${w}.distinctStaff: expected true or false, got ${JSON.stringify(d.distinctStaff)}`);
      dep.distinctStaff = d.distinctStaff;
    }
    return dep;
  });
}

/** Parses a `tillit-homecare/1` JSON text. */
export function parseProblemJson(text: string): Problem {
  return validateProblem(parseJson(text, 'problem'));
}

/**
 * Parses a Solomon VRPTW text file: vehicles are staff "1".."K" with one shift (the depot's
 * window) on day 0; customers are visits (and recipients) named by their number; travel is
 * Euclidean in double precision.
 */
export function parseSolomon(text: string, fallbackName = 'solomon'): Problem {
  const lines = text.split(/\r?\n/);
  const name = (lines.find((l) => l.trim().length > 0) ?? fallbackName).trim() || fallbackName;
  let li = lines.findIndex((l) => /^\s*VEHICLE\b/i.test(l));
  if (li < 0) throw new InputError('solomon: no VEHICLE section');
  // next line with numbers
  let vehicles = NaN;
  let capacity = NaN;
  for (li = li + 1; li < lines.length; li++) {
    const toks = lines[li].trim().split(/\s+/).filter(Boolean);
    if (toks.length === 0 || /^[A-Za-z]/.test(toks[0])) continue;
    if (toks.length < 2) throw new InputError(`solomon line ${li + 1}: expected "NUMBER CAPACITY"`);
    vehicles = solNum(toks[0], li, 'vehicle number');
    capacity = solNum(toks[1], li, 'capacity');
    break;
  }
  if (!Number.isInteger(vehicles) || vehicles < 1)
    throw new InputError(`solomon: vehicle number must be a positive integer`);
  const ci = lines.findIndex((l) => /^\s*CUSTOMER\b/i.test(l));
  if (ci < 0) throw new InputError('solomon: no CUSTOMER section');
  const rows: number[][] = [];
  const rowLine: number[] = [];
  for (let i = ci + 1; i < lines.length; i++) {
    const toks = lines[i].trim().split(/\s+/).filter(Boolean);
    if (toks.length === 0) continue;
    if (/^CUST/i.test(toks[0])) continue;
    if (toks.length !== 7) throw new InputError(`solomon line ${i + 1}: expected 7 numbers, got ${toks.length}`);
    rows.push(
      toks.map((t, k) =>
        solNum(t, i, ['customer number', 'x', 'y', 'demand', 'ready time', 'due date', 'service time'][k]),
      ),
    );
    rowLine.push(i + 1);
  }
  if (rows.length < 1) throw new InputError('solomon: no depot row');
  const depot = rows[0];
  if (depot[0] !== 0)
    throw new InputError(`solomon line ${rowLine[0]}: the first customer row must be the depot (number 0)`);
  const locations: Location[] = rows.map((r) => ({ id: String(r[0]), x: r[1], y: r[2] }));
  const seen = new Set<number>();
  const visits: Visit[] = [];
  const recipients: Recipient[] = [];
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (!Number.isInteger(r[0]) || r[0] < 0)
      throw new InputError(`solomon line ${rowLine[k]}: customer number must be a non-negative integer`);
    if (seen.has(r[0])) throw new InputError(`solomon line ${rowLine[k]}: duplicate customer number ${r[0]}`);
    seen.add(r[0]);
    if (r[5] < r[4])
      throw new InputError(
        `solomon line ${rowLine[k]} (customer ${r[0]}): window ends (${r[5]}) before it starts (${r[4]})`,
      );
    if (r[3] < 0 || r[6] < 0)
      throw new InputError(`solomon line ${rowLine[k]} (customer ${r[0]}): negative demand or service time`);
    if (k === 0) continue;
    const id = String(r[0]);
    recipients.push({ id, location: id });
    visits.push({
      id,
      recipient: id,
      day: 0,
      earliest: r[4],
      latest: r[5],
      duration: r[6],
      skills: [],
      staff: 1,
      demand: r[3],
    });
  }
  const staff: Staff[] = [];
  for (let k = 1; k <= vehicles; k++) {
    staff.push({
      id: String(k),
      skills: [],
      start: '0',
      end: '0',
      shifts: [{ day: 0, start: depot[4], end: depot[5] }],
      capacity,
    });
  }
  return {
    format: 'tillit-homecare/1',
    name,
    days: 1,
    travel: { model: 'euclidean' },
    locations,
    staff,
    recipients,
    visits,
    maxRoutes: vehicles,
    kind: 'solomon',
  };
}

function solNum(tok: string, line: number, what: string): number {
  const x = Number(tok);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(tok) || !Number.isFinite(x)) {
    throw new InputError(`solomon line ${line + 1}: malformed number "${tok}" for ${what}`);
  }
  return x;
}

export type ProblemFormat = 'solomon' | 'mankowska' | 'json';

/**
 * Reads a problem text. Without `format`: a .txt file is Mankowska (HHCRSP) when it starts
 * with the `nbNodes` keyword, Solomon otherwise; anything else is JSON.
 */
export function readProblem(text: string, opts: { filename?: string; format?: ProblemFormat } = {}): Problem {
  let format = opts.format;
  if (format === undefined && /\.txt$/i.test(opts.filename ?? ''))
    format = /^\s*nbNodes\b/.test(text) ? 'mankowska' : 'solomon';
  const base = (opts.filename ?? format ?? '').replace(/^.*[\\/]/, '').replace(/\.txt$/i, '');
  if (format === 'solomon') return parseSolomon(text, base || 'solomon');
  if (format === 'mankowska') return parseMankowska(text, base || 'mankowska');
  return parseProblemJson(text);
}

/** Parses and shape-checks a `tillit-solution/1` JSON text (references are checked by checkSolution). */
export function parseSolutionJson(text: string): Solution {
  return validateSolution(parseJson(text, 'solution'));
}

export function validateSolution(raw: unknown): Solution {
  if (!isObj(raw)) throw new InputError('solution: expected a JSON object');
  if (raw.format !== 'tillit-solution/1')
    throw new InputError(`solution.format: expected "tillit-solution/1", got ${JSON.stringify(raw.format)}`);
  const routes = arr(raw.routes, 'solution.routes').map((r, i) => {
    const w = `routes[${i}]`;
    if (!isObj(r)) throw new InputError(`${w}: expected an object`);
    return {
      staff: str(r.staff, `${w}.staff`),
      day: num(r.day, `${w}.day`, { int: true, min: 0 }),
      stops: arr(r.stops, `${w}.stops`).map((s, k) => {
        if (!isObj(s)) throw new InputError(`${w}.stops[${k}]: expected an object`);
        return { visit: str(s.visit, `${w}.stops[${k}].visit`), start: num(s.start, `${w}.stops[${k}].start`) };
      }),
    };
  });
  const sol: Solution = {
    format: 'tillit-solution/1',
    problem: typeof raw.problem === 'string' ? raw.problem : '',
    routes,
    unassigned: strList(raw.unassigned ?? [], 'solution.unassigned'),
  };
  if (isObj(raw.unassignable)) sol.unassignable = raw.unassignable as Record<string, string>;
  if (isObj(raw.solver)) sol.solver = raw.solver;
  return sol;
}
