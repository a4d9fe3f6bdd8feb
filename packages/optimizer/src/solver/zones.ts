/**
 * Care zones (phase 1 for districts without teams or named contacts): the district is cut
 * into zones of about `zoneStaff` helpers each, as home care organises itself into small
 * teams, and each person gets a helper set inside their zone — before any routing.
 *
 * 1. People are cut into zones by a sweep round their nearest base (contiguous sectors of
 *    equal visit minutes), so each zone's routes leave the base in one direction.
 * 2. Helpers are given to zones so that each zone's staff on duty matches its demand in every
 *    day-part of the horizon (morning, midday, afternoon, bedtime) and for scarce skills:
 *    a greedy assignment by covered deficit, then moves and swaps of helpers between zones
 *    that lower the sum of squared unmet minutes (capacity-aware; the rota's weekends and
 *    part-time gaps differ per helper, so which helpers go together matters).
 * 3. Within a zone, each person's set (primary + 1–3) is a capacity-aware cover of the
 *    person's visits by the zone's helpers: the helper with room in the most of the person's
 *    visit-minutes (on duty, qualified, the day-part not yet full) joins and takes them.
 *
 * The search then prices a helper of the set lowest, another helper of the zone more, one of
 * a neighbouring zone more still, and may use no one else (granular: a visit looks only at
 * its own and the two neighbouring zones' routes, so the work per insertion does not grow
 * with the district).
 */
import type { Instance } from './instance.ts';
import { eligible } from './instance.ts';
import { Rng } from './rng.ts';
import { Search } from './search.ts';

/** Day-parts (minutes of the day) by which capacity is balanced. */
const PARTS = [0, 720, 900, 1110, 1440];
const NP = PARTS.length - 1;

export interface Zones {
  /** Zone of each helper and of each person. */
  staffZone: Int32Array;
  recZone: Int32Array;
  nZones: number;
  /** Per person: helper set (staff indexes), primary first. */
  sets: Int32Array[];
  /** Per visit unit: the set helper phase 1 gave it (-1 = none: the search places it). */
  unitHelper: Int32Array;
}

function partOf(t: number): number {
  let p = 0;
  while (p < NP - 1 && t >= PARTS[p + 1]) p++;
  return p;
}

/** Minutes of [a, b) in day-part p. */
function overlap(a: number, b: number, p: number): number {
  return Math.max(0, Math.min(b, PARTS[p + 1]) - Math.max(a, PARTS[p]));
}

/**
 * Demand dimensions: all visit minutes per (day, part), and the minutes of visits whose
 * skills few helpers have (held by under 60 % of the staff), per (skill key, day, part).
 */
interface Dims {
  n: number;
  /** For each unit: its general dimension and its scarce-skill dimension (-1 = none). */
  uGen: Int32Array;
  uScarce: Int32Array;
  /** Per helper: the dimensions it supplies and its minutes in each. */
  supply: Float64Array[];
}

function buildDims(I: Instance, allowance: number): Dims {
  const days = I.problem.days;
  const S = I.nStaff;
  const qualified = new Map<string, Uint8Array>();
  const uKey: string[] = new Array(I.nUnits);
  for (let u = 0; u < I.nUnits; u++) {
    const v = I.problem.visits[I.uVisit[u]];
    const key = [...(v.skills ?? [])].sort().join(',');
    uKey[u] = key;
    if (!qualified.has(key)) {
      const q = new Uint8Array(S);
      for (const r of I.uRoutes[u]) q[I.rStaff[r]] = 1;
      qualified.set(key, q);
    }
  }
  // a skill key is scarce when few helpers who work at all have it
  const scarce = new Map<string, number>();
  for (const [key, q] of qualified) {
    let n = 0;
    for (let s = 0; s < S; s++) n += q[s];
    if (n < 0.6 * S && n > 0) scarce.set(key, scarce.size);
  }
  const gen = days * NP;
  const n = gen * (1 + scarce.size);
  const uGen = new Int32Array(I.nUnits);
  const uScarce = new Int32Array(I.nUnits).fill(-1);
  for (let u = 0; u < I.nUnits; u++) {
    const mid = (I.uE[u] + I.uDue[u]) / 2 + I.uDur[u] / 2;
    const d = I.uDay[u] * NP + partOf(mid);
    uGen[u] = d;
    const k = scarce.get(uKey[u]);
    if (k !== undefined) uScarce[u] = gen * (1 + k) + d;
  }
  const supply: Float64Array[] = [];
  for (let s = 0; s < S; s++) supply.push(new Float64Array(n));
  for (let r = 0; r < I.nRoutes; r++) {
    const s = I.rStaff[r];
    for (let p = 0; p < NP; p++) {
      const m = overlap(I.rStart[r], I.rEnd[r], p);
      if (m <= 0) continue;
      const d = I.rDay[r] * NP + p;
      supply[s][d] += m;
      for (const [key, k] of scarce) if (qualified.get(key)![s]) supply[s][gen * (1 + k) + d] += m;
    }
  }
  void allowance;
  return { n, uGen, uScarce, supply };
}

/** Angle of a location around a base (coordinates from x/y or lon/lat). */
function angleAround(I: Instance, loc: number, base: number): number {
  const ls = I.problem.locations;
  const c = (i: number): [number, number] => {
    const l = ls[i];
    return l.x !== undefined ? [l.x, l.y ?? 0] : [l.lon ?? 0, l.lat ?? 0];
  };
  const [x, y] = c(loc);
  const [bx, by] = c(base);
  return Math.atan2(y - by, x - bx);
}

/** Each unit's demand minutes: its duration plus a travel allowance. */
function unitMinutes(I: Instance, u: number, allowance: number): number {
  return I.uDur[u] + allowance;
}

/**
 * People cut into `k` sectors of equal visit minutes, swept round their nearest base from a
 * seeded angle (districts with several bases: the sweep goes base by base).
 */
function sweepZones(
  I: Instance,
  k: number,
  rng: Rng,
  recMinutes: Float64Array,
): { recZone: Int32Array; order: number[] } {
  const p = I.problem;
  const locIdx = new Map(p.locations.map((l, i) => [l.id, i]));
  const bases = [...new Set(p.staff.map((s) => locIdx.get(s.start)!))];
  const start = rng.next() * 2 * Math.PI;
  const key = p.recipients.map((r, ri) => {
    const loc = locIdx.get(r.location)!;
    let base = bases[0];
    for (const b of bases) if (I.tm[b * I.nLoc + loc] < I.tm[base * I.nLoc + loc]) base = b;
    const a = (angleAround(I, loc, base) - start + 4 * Math.PI) % (2 * Math.PI);
    return { ri, base, a };
  });
  key.sort((x, y) => x.base - y.base || x.a - y.a || x.ri - y.ri);
  let total = 0;
  for (let r = 0; r < I.nRec; r++) total += recMinutes[r];
  const recZone = new Int32Array(I.nRec);
  let acc = 0;
  for (const { ri } of key) {
    recZone[ri] = Math.min(k - 1, Math.floor((acc + recMinutes[ri] / 2) / (total / k)));
    acc += recMinutes[ri];
  }
  return { recZone, order: key.map((x) => x.ri) };
}

/**
 * Helpers given to zones: greedily by the deficit each covers (largest helpers first), then
 * moves and swaps while the sum over zones and dimensions of squared unmet minutes falls.
 */
function assignStaff(I: Instance, dims: Dims, demand: Float64Array[], k: number, rng: Rng): Int32Array {
  const S = I.nStaff;
  const n = dims.n;
  const sup: Float64Array[] = Array.from({ length: k }, () => new Float64Array(n));
  const staffZone = new Int32Array(S).fill(-1);
  const total = dims.supply.map((a) => a.reduce((x, y) => x + y, 0));
  const order = Array.from({ length: S }, (_, s) => s);
  const tie = order.map(() => rng.next());
  order.sort((a, b) => total[b] - total[a] || tie[a] - tie[b]);
  for (const s of order) {
    let best = 0;
    let bestGain = -Infinity;
    for (let z = 0; z < k; z++) {
      let gain = 0;
      const a = dims.supply[s];
      for (let d = 0; d < n; d++) if (a[d] > 0) gain += Math.min(a[d], Math.max(0, demand[z][d] - sup[z][d]));
      if (gain > bestGain) {
        bestGain = gain;
        best = z;
      }
    }
    staffZone[s] = best;
    for (let d = 0; d < n; d++) sup[best][d] += dims.supply[s][d];
  }
  improveStaff(dims, demand, sup, staffZone, rng);
  return staffZone;
}

/** Change in squared unmet minutes of zone z when helper s's supply is added (sign +1) or taken (−1). */
function delta(dims: Dims, demand: Float64Array, sup: Float64Array, s: number, sign: number): number {
  const a = dims.supply[s];
  let dlt = 0;
  for (let d = 0; d < dims.n; d++) {
    if (a[d] === 0) continue;
    const before = Math.max(0, demand[d] - sup[d]);
    const after = Math.max(0, demand[d] - sup[d] - sign * a[d]);
    dlt += after * after - before * before;
  }
  return dlt;
}

function improveStaff(dims: Dims, demand: Float64Array[], sup: Float64Array[], staffZone: Int32Array, rng: Rng): void {
  const S = staffZone.length;
  const k = demand.length;
  const move = (s: number, to: number) => {
    const from = staffZone[s];
    for (let d = 0; d < dims.n; d++) {
      sup[from][d] -= dims.supply[s][d];
      sup[to][d] += dims.supply[s][d];
    }
    staffZone[s] = to;
  };
  for (let round = 0; round < 40; round++) {
    let improved = false;
    for (let s = 0; s < S; s++) {
      const from = staffZone[s];
      const out = delta(dims, demand[from], sup[from], s, -1);
      // a move to another zone
      let bestZ = -1;
      let bestD = -1e-6;
      for (let z = 0; z < k; z++) {
        if (z === from) continue;
        const d = out + delta(dims, demand[z], sup[z], s, 1);
        if (d < bestD) {
          bestD = d;
          bestZ = z;
        }
      }
      if (bestZ >= 0) {
        move(s, bestZ);
        improved = true;
        continue;
      }
      // a swap with a helper of another zone (sampled)
      for (let t = 0; t < 12; t++) {
        const o = rng.int(S);
        const oz = staffZone[o];
        if (oz === from) continue;
        move(s, oz);
        move(o, from);
        const after = zoneCost(dims, demand[from], sup[from]) + zoneCost(dims, demand[oz], sup[oz]);
        move(s, from);
        move(o, oz);
        const before = zoneCost(dims, demand[from], sup[from]) + zoneCost(dims, demand[oz], sup[oz]);
        if (after < before - 1e-6) {
          move(s, oz);
          move(o, from);
          improved = true;
          break;
        }
      }
    }
    if (!improved) break;
  }
}

function zoneCost(dims: Dims, demand: Float64Array, sup: Float64Array): number {
  let c = 0;
  for (let d = 0; d < dims.n; d++) {
    const m = Math.max(0, demand[d] - sup[d]);
    c += m * m;
  }
  return c;
}

export interface ZoneOptions {
  /** Helpers per zone (default 8). */
  zoneStaff?: number;
  /** Largest helper set per person (default 4). */
  maxSet?: number;
  /** Share of a helper's day-part minutes that visits may fill in phase 1 (travel takes the rest; default 0.8). */
  fill?: number;
}

/** Care zones and each person's helper set within their zone (see the module note). */
export function buildZones(I: Instance, seed: number, o: ZoneOptions = {}): Zones {
  const rng = new Rng(seed * 7919 + 17);
  const S = I.nStaff;
  const k = Math.max(1, Math.round(S / (o.zoneStaff ?? 8)));
  const allowance = 0;
  const dims = buildDims(I, allowance);
  const recMinutes = new Float64Array(I.nRec);
  for (let u = 0; u < I.nUnits; u++) if (!I.unassignable.has(I.uVisit[u])) recMinutes[I.uRec[u]] += I.uDur[u];
  const { recZone, order } = sweepZones(I, k, rng, recMinutes);
  const demand: Float64Array[] = Array.from({ length: k }, () => new Float64Array(dims.n));
  for (let u = 0; u < I.nUnits; u++) {
    if (I.unassignable.has(I.uVisit[u])) continue;
    const z = recZone[I.uRec[u]];
    const m = unitMinutes(I, u, allowance);
    demand[z][dims.uGen[u]] += m;
    if (dims.uScarce[u] >= 0) demand[z][dims.uScarce[u]] += m;
  }
  const staffZone = assignStaff(I, dims, demand, k, rng);
  const { sets, unitHelper } = zoneSets(I, dims, staffZone, recZone, order, o.maxSet ?? 4, o.fill ?? 0.8);
  return { staffZone, recZone, nZones: k, sets, unitHelper };
}

/**
 * Each person's set within their zone: a capacity-aware greedy cover (the helper with room
 * in most of the person's still-uncovered visit minutes joins and takes them), people in
 * sweep order, those with the most visit minutes first within each step of eight.
 */
function zoneSets(
  I: Instance,
  dims: Dims,
  staffZone: Int32Array,
  recZone: Int32Array,
  order: number[],
  maxSet: number,
  fill: number,
): { sets: Int32Array[]; unitHelper: Int32Array } {
  const S = I.nStaff;
  const days = I.problem.days;
  const gen = days * NP;
  const room = dims.supply.map((a) => Float64Array.from(a.subarray(0, gen), (m) => m * fill));
  const routeOf = new Int32Array(S * days).fill(-1);
  for (let r = 0; r < I.nRoutes; r++) routeOf[I.rStaff[r] * days + I.rDay[r]] = r;
  const zoneStaff: number[][] = Array.from({ length: Math.max(...staffZone, ...recZone) + 1 }, () => []);
  for (let s = 0; s < S; s++) zoneStaff[staffZone[s]].push(s);
  const recUnits: number[][] = Array.from({ length: I.nRec }, () => []);
  for (let u = 0; u < I.nUnits; u++) if (!I.unassignable.has(I.uVisit[u])) recUnits[I.uRec[u]].push(u);
  const minutes = (r: number) => recUnits[r].reduce((a, u) => a + I.uDur[u] * (I.uPartner[u] >= 0 ? 3 : 1), 0);
  const seq: number[] = [];
  for (let i = 0; i < order.length; i += 8) seq.push(...order.slice(i, i + 8).sort((a, b) => minutes(b) - minutes(a)));
  const unitHelper = new Int32Array(I.nUnits).fill(-1);
  const sets: Int32Array[] = new Array(I.nRec);
  const staffIdx = new Map(I.problem.staff.map((st, i) => [st.id, i]));
  const preferred = I.problem.recipients.map((r) => [
    ...new Set((r.preferred ?? []).map((id) => staffIdx.get(id)).filter((s): s is number => s !== undefined)),
  ]);
  const can = (s: number, u: number) => {
    const r = routeOf[s * days + I.uDay[u]];
    return r >= 0 && eligible(I, u, r) && room[s][dims.uGen[u]] >= I.uDur[u];
  };
  for (const rec of seq) {
    const units = recUnits[rec];
    const chosen: number[] = [];
    // a zone without helpers (its people have no visits to balance by) looks at everyone
    const own = zoneStaff[recZone[rec]];
    const cands = own.length > 0 ? own : Array.from({ length: S }, (_, s) => s);
    // named contacts (primary first) join first, wherever their zone, as far as they have room
    const named = preferred[rec].slice(0, maxSet);
    while (chosen.length < maxSet) {
      let best = -1;
      let bestM = 0;
      if (chosen.length < named.length) best = named[chosen.length];
      else
        for (const s of cands) {
          if (chosen.includes(s)) continue;
          let m = 0;
          for (const u of units) {
            if (unitHelper[u] >= 0) continue;
            const p = I.uPartner[u];
            if (p >= 0 && unitHelper[p] === s) continue;
            if (can(s, u)) m += I.uDur[u];
          }
          if (m > bestM) {
            bestM = m;
            best = s;
          }
        }
      if (best < 0) break;
      if (chosen.includes(best)) continue;
      chosen.push(best);
      for (const u of units) {
        if (unitHelper[u] >= 0) continue;
        const p = I.uPartner[u];
        if (p >= 0 && unitHelper[p] === best) continue;
        if (!can(best, u)) continue;
        unitHelper[u] = best;
        room[best][dims.uGen[u]] -= I.uDur[u];
      }
    }
    const n = new Map<number, number>();
    for (const u of units) if (unitHelper[u] >= 0) n.set(unitHelper[u], (n.get(unitHelper[u]) ?? 0) + I.uDur[u]);
    sets[rec] = Int32Array.from(chosen.filter((s) => n.has(s)).sort((a, b) => n.get(b)! - n.get(a)! || a - b));
  }
  return { sets, unitHelper };
}

/**
 * Neighbouring zones of each zone (sweep order is circular per base): itself and `reach`
 * zones on either side.
 */
export function zoneNeighbours(z: number, k: number, reach: number): number[] {
  const out = new Set<number>([z]);
  for (let i = 1; i <= reach; i++) {
    out.add((z + i) % k);
    out.add((z - i + k) % k);
  }
  return [...out];
}

/**
 * Prices the zones and sets into the instance: a set helper costs least (the primary
 * least of all), another helper of the zone more, a helper of a neighbouring zone more
 * still; helpers of other zones are no longer eligible (granular neighbourhoods), except
 * for visits that no helper of the own and neighbouring zones could do at all.
 */
export function applyZones(
  I: Instance,
  zones: Zones,
  reach = 1,
  prices = { zone: 1.2, near: 2.5, far: 6 },
  open = false,
  fallback = false,
): void {
  const W = I.weights.continuity;
  const S = I.nStaff;
  I.recSet = zones.sets;
  const allowed = new Uint8Array(I.nRec * S);
  for (let rec = 0; rec < I.nRec; rec++) {
    const z = zones.recZone[rec];
    const near = new Set(zoneNeighbours(z, zones.nZones, reach));
    const set = zones.sets[rec];
    let outMin = Infinity;
    let minAll = Infinity;
    for (let s = 0; s < S; s++) {
      const k = rec * S + s;
      const rank = set.indexOf(s);
      const sz = zones.staffZone[s];
      const f = rank === 0 ? 0.6 : rank > 0 ? 0.8 : sz === z ? prices.zone : near.has(sz) ? prices.near : prices.far;
      if (near.has(sz) || rank >= 0) allowed[k] = 1;
      I.pairCost[k] = W * f;
      I.visitCost[k] = rank >= 0 ? 0 : (W * f) / 13;
      const c = I.pairCost[k] + I.visitCost[k];
      if (rank < 0 && c < outMin) outMin = c;
      if (c < minAll) minAll = c;
    }
    I.newHelperMin[rec] = minAll;
    I.outsideMin[rec] = outMin === Infinity ? minAll : outMin;
  }
  if (open) return;
  if (fallback) I.uRoutesAll = I.uRoutes.slice();
  for (let u = 0; u < I.nUnits; u++) {
    const row = I.uRec[u] * S;
    const kept = I.uRoutes[u].filter((r) => allowed[row + I.rStaff[r]] === 1);
    if (kept.length >= (I.uPartner[u] >= 0 ? 2 : 1)) I.uRoutes[u] = kept;
  }
}

/**
 * Phase 1's plan: each person in the sweep order, their one-helper visits put into the route
 * of the set helper phase 1 gave them (cheapest position, if it fits), everything else —
 * two-helper and dependent visits, and what did not fit — by ordinary insertion, which is
 * priced to prefer the set and the zone.
 */
class ZonePlanner extends Search {
  byTightness = false;
  build(zones: Zones): { routes: number[][]; winE: Float64Array; winL: Float64Array } {
    const I = this.I;
    const days = I.problem.days;
    this.beginIteration();
    const recVisits: number[][] = Array.from({ length: I.nRec }, () => []);
    for (let v = 0; v < I.nVisits; v++) if (!I.unassignable.has(v)) recVisits[I.uRec[I.vUnits[v][0]]].push(v);
    const later: number[] = [];
    const order: number[] = [];
    for (let rec = 0; rec < I.nRec; rec++) order.push(...recVisits[rec]);
    if (this.byTightness) {
      // the hardest first: narrow windows, then early in the day
      const width = (v: number) => I.uL[I.vUnits[v][0]] - I.uE[I.vUnits[v][0]];
      order.sort((a, b) => width(a) - width(b) || I.uE[I.vUnits[a][0]] - I.uE[I.vUnits[b][0]] || a - b);
    }
    for (const v of order) {
      const u = I.vUnits[v][0];
      const s = zones.unitHelper[u];
      if (I.vUnits[v].length > 1 || I.vLinked[v] || s < 0) {
        later.push(v);
        continue;
      }
      const r = this.routeOf[s * days + I.uDay[u]];
      if (r >= 0 && this.bestPos(u, r, false) !== Infinity) {
        this.insertUnit(u, r, this.bPos);
        this.markAssigned(v);
      } else later.push(v);
    }
    // two-helper visits first: they need two routes with room at once
    later.sort((a, b) => I.vUnits[b].length - I.vUnits[a].length);
    for (const v of later) if (!this.vAssigned[v]) this.insertVisit(v, false);
    this.recomputeTotals();
    return {
      routes: this.routes.map((s) => s.slice()),
      winE: Float64Array.from(this.curE),
      winL: Float64Array.from(this.curL),
    };
  }
}

/** Phase 1's first plan from the zones (see ZonePlanner). */
export function zonePlan(
  I: Instance,
  zones: Zones,
  seed: number,
  byTightness = false,
): { routes: number[][]; winE: Float64Array; winL: Float64Array } {
  const p = new ZonePlanner(I, seed);
  p.byTightness = byTightness;
  return p.build(zones);
}
