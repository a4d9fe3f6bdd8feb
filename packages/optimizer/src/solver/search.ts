/**
 * Ruin-and-recreate search with simulated annealing (SISR: slack induction by string
 * removals, Christiaens & Vanden Berghe 2020), extended for home care:
 * - routes are (helper, day); a visit needing two helpers is two linked units inserted
 *   jointly with one common start (their windows are pinned to that start while served);
 * - the objective is lexicographic: fewest unassigned visits, then
 *   travel + continuity (distinct helpers per person over the whole horizon, cheaper for
 *   preferred helpers and helpers with history) + workload balance;
 * - a "recipient ruin" removes all visits of one person across all days, together with
 *   room in a familiar helper's routes, so continuity is optimised across days jointly.
 * All moves are evaluated in O(1) per position with forward earliest-start and backward
 * latest-start arrays; per-person helper counts are updated incrementally.
 */
import type { Instance } from './instance.ts';
import { Rng } from './rng.ts';

export interface SearchParams {
  seed: number;
  /** Iteration cap (deterministic stop). */
  iterations: number;
  /** Wall-clock cap in ms (anytime stop). */
  timeMs: number;
  /** The cooling schedule follows iterations (deterministic) or time. */
  scheduleBy: 'iterations' | 'time';
  onProgress?: (it: number, ms: number, unassigned: number, cost: number, travel: number) => void;
  /** Average number of units removed per ruin. */
  cBar?: number;
  lMax?: number;
  t0?: number;
  tf?: number;
  /** Home-care construction: series (continuity-first) or greedy insertion by day. */
  construction?: 'series' | 'greedy';
  /** Optional starting plan: route sequences of units (same indexing as the instance). */
  start?: { routes: number[][]; winE: Float64Array; winL: Float64Array };
}

export interface SearchResult {
  routes: number[][];
  /** Start time of every unit (NaN if unassigned). */
  starts: Float64Array;
  unassignedVisits: number[];
  cost: number;
  travel: number;
  iterations: number;
  winE: Float64Array;
  winL: Float64Array;
}

const EPS = 1e-9;

export class Search {
  readonly I: Instance;
  rng: Rng;
  routes: number[][];
  rE: number[][];
  rLt: number[][];
  rLoad: Float64Array;
  rTravel: Float64Array;
  uRoute: Int32Array;
  uPos: Int32Array;
  curE: Float64Array;
  curL: Float64Array;
  cnt: Int32Array;
  nDist: Int32Array;
  work: Float64Array;
  travel = 0;
  cont = 0;
  bal = 0;
  unassigned = 0;
  vAssigned: Uint8Array;
  routeOf: Int32Array; // staff * days + day -> route or -1
  // undo bookkeeping
  private stamp: Int32Array;
  private iter = 1;
  private touched: number[] = [];
  private saved: number[][] = [];
  private winLog: number[] = [];
  private insertList: number[] = [];
  private removedMark: Int32Array;
  // insertion scratch
  /** While set, recreate may not open empty routes (route-elimination move). */
  private noNewRoutes = false;
  private bPos = -1;
  private bLo = 0;
  private bHi = 0;
  private cand: Float64Array;
  private dirty: Uint8Array;
  private dirtyList: number[] = [];
  private best: { routes: number[][]; winE: Float64Array; winL: Float64Array; travel: number } | null = null;

  constructor(I: Instance, seed: number) {
    this.I = I;
    this.rng = new Rng(seed);
    const R = I.nRoutes;
    this.routes = Array.from({ length: R }, () => []);
    this.rE = Array.from({ length: R }, () => []);
    this.rLt = Array.from({ length: R }, () => []);
    this.rLoad = new Float64Array(R);
    this.rTravel = new Float64Array(R);
    this.uRoute = new Int32Array(I.nUnits).fill(-1);
    this.uPos = new Int32Array(I.nUnits).fill(-1);
    this.curE = Float64Array.from(I.uE);
    this.curL = Float64Array.from(I.uL);
    this.cnt = new Int32Array(I.nRec * I.nStaff);
    this.nDist = new Int32Array(I.nRec);
    this.work = new Float64Array(I.nStaff);
    this.vAssigned = new Uint8Array(I.nVisits);
    this.unassigned = I.nVisits;
    const days = I.problem.days;
    this.routeOf = new Int32Array(I.nStaff * days).fill(-1);
    for (let r = 0; r < R; r++) this.routeOf[I.rStaff[r] * days + I.rDay[r]] = r;
    this.stamp = new Int32Array(R);
    this.removedMark = new Int32Array(I.nVisits);
    this.cand = new Float64Array(Math.max(16, R * 4 * 4));
    this.dirty = new Uint8Array(R);
  }

  cost(): number {
    return this.I.weights.travel * this.travel + this.cont + this.bal;
  }

  // ---------- bookkeeping ----------
  private addStats(u: number, s: number): void {
    const I = this.I;
    const rec = I.uRec[u];
    const k = rec * I.nStaff + s;
    if (this.cnt[k] === 0) {
      this.cont += I.pairCost[k] + I.distinctStep[this.nDist[rec]];
      this.nDist[rec]++;
    }
    this.cnt[k]++;
    this.cont += I.visitCost[k];
    const d = I.uDur[u];
    const w = this.work[s];
    this.work[s] = w + d;
    if (I.weights.balance > 0 && I.staffAvail[s] > 0) this.bal += (I.weights.balance * d * (2 * w + d)) / I.staffAvail[s];
  }

  private removeStats(u: number, s: number): void {
    const I = this.I;
    const rec = I.uRec[u];
    const k = rec * I.nStaff + s;
    this.cnt[k]--;
    this.cont -= I.visitCost[k];
    if (this.cnt[k] === 0) {
      this.nDist[rec]--;
      this.cont -= I.pairCost[k] + I.distinctStep[this.nDist[rec]];
    }
    const d = I.uDur[u];
    const w = this.work[s] - d;
    this.work[s] = w;
    if (I.weights.balance > 0 && I.staffAvail[s] > 0) this.bal -= (I.weights.balance * d * (2 * w + d)) / I.staffAvail[s];
  }

  /** Recomputes schedule arrays, load and travel of a route. */
  updateRoute(r: number): void {
    const I = this.I;
    const seq = this.routes[r];
    const n = seq.length;
    const E = this.rE[r];
    const Lt = this.rLt[r];
    E.length = n;
    Lt.length = n;
    const N = I.nLoc;
    const tm = I.tm;
    let t = I.rStart[r];
    let loc = I.rStartLoc[r];
    let travel = 0;
    let load = 0;
    for (let i = 0; i < n; i++) {
      const u = seq[i];
      const tt = tm[loc * N + I.uLoc[u]];
      travel += tt;
      const a = t + tt;
      const e = this.curE[u];
      const s = a > e ? a : e;
      E[i] = s;
      t = s + I.uDur[u];
      loc = I.uLoc[u];
      load += I.uDem[u];
      this.uPos[u] = i;
    }
    if (n > 0) {
      travel += tm[loc * N + I.rEndLoc[r]];
      let latestDep = I.rEnd[r] - tm[loc * N + I.rEndLoc[r]];
      for (let i = n - 1; i >= 0; i--) {
        const u = seq[i];
        const ls = latestDep - I.uDur[u];
        const l = this.curL[u];
        const v = ls < l ? ls : l;
        Lt[i] = v;
        if (i > 0) latestDep = v - tm[I.uLoc[seq[i - 1]] * N + I.uLoc[u]];
      }
    }
    if (!this.dirty[r]) {
      this.dirty[r] = 1;
      this.dirtyList.push(r);
    }
    this.travel += travel - this.rTravel[r];
    this.rTravel[r] = travel;
    this.rLoad[r] = load;
  }

  private touch(r: number): void {
    if (this.stamp[r] !== this.iter) {
      this.stamp[r] = this.iter;
      this.touched.push(r);
      this.saved.push(this.routes[r].slice());
    }
  }

  private setWindow(u: number, e: number, l: number): void {
    this.winLog.push(u, this.curE[u], this.curL[u]);
    this.curE[u] = e;
    this.curL[u] = l;
  }

  /** Removes a visit (all its units) from the plan; routes are left for the caller to update. */
  private removeVisit(v: number): void {
    const I = this.I;
    const units = I.vUnits[v];
    for (let j = 0; j < units.length; j++) {
      const u = units[j];
      const r = this.uRoute[u];
      if (r < 0) continue;
      this.touch(r);
      this.removeStats(u, I.rStaff[r]);
      this.uRoute[u] = -1;
      if (units.length > 1) this.setWindow(u, I.uE[u], I.uL[u]);
    }
    if (this.vAssigned[v]) {
      this.vAssigned[v] = 0;
      this.unassigned++;
    }
    this.removedMark[v] = this.iter;
    this.insertList.push(v);
  }

  /** Drops removed units from touched routes and refreshes them. */
  private compactTouched(): void {
    for (const r of this.touched) {
      const seq = this.routes[r];
      let w = 0;
      for (let i = 0; i < seq.length; i++) {
        const u = seq[i];
        if (this.uRoute[u] === r) seq[w++] = u;
      }
      seq.length = w;
      this.updateRoute(r);
    }
  }

  private insertUnit(u: number, r: number, pos: number): void {
    this.touch(r);
    this.routes[r].splice(pos, 0, u);
    this.uRoute[u] = r;
    this.addStats(u, this.I.rStaff[r]);
    this.updateRoute(r);
  }

  // ---------- insertion ----------
  /**
   * Best position of unit u in route r by travel delta; sets bPos/bLo/bHi.
   * Returns the travel delta or Infinity.
   */
  private bestPos(u: number, r: number, blink: boolean): number {
    const I = this.I;
    if (this.rLoad[r] + I.uDem[u] > I.rCap[r] + EPS) return Infinity;
    const seq = this.routes[r];
    const n = seq.length;
    const E = this.rE[r];
    const Lt = this.rLt[r];
    const N = I.nLoc;
    const tm = I.tm;
    const loc = I.uLoc[u];
    const dur = I.uDur[u];
    const e = this.curE[u];
    const l = this.curL[u];
    let best = Infinity;
    let prevLoc = I.rStartLoc[r];
    let prevDep = I.rStart[r];
    for (let i = 0; i <= n; i++) {
      if (i > 0) {
        const p = seq[i - 1];
        prevLoc = I.uLoc[p];
        prevDep = E[i - 1] + I.uDur[p];
      }
      if (prevDep > l + EPS) break;
      const tPrev = tm[prevLoc * N + loc];
      const arr = prevDep + tPrev;
      if (arr > l + EPS) continue;
      const start = arr > e ? arr : e;
      let nLoc: number;
      let latestNext: number;
      if (i < n) {
        nLoc = I.uLoc[seq[i]];
        latestNext = Lt[i];
      } else {
        nLoc = I.rEndLoc[r];
        latestNext = I.rEnd[r];
      }
      const tNext = tm[loc * N + nLoc];
      if (start + dur + tNext > latestNext + EPS) continue;
      const delta = tPrev + tNext - tm[prevLoc * N + nLoc];
      if (delta < best) {
        if (blink && this.rng.next() < 0.01) continue;
        best = delta;
        this.bPos = i;
        this.bLo = start;
        const hi = latestNext - tNext - dur;
        this.bHi = hi < l ? hi : l;
      }
    }
    return best;
  }

  private contDelta(u: number, s: number): number {
    const I = this.I;
    const rec = I.uRec[u];
    const k = rec * I.nStaff + s;
    let c = I.visitCost[k];
    if (this.cnt[k] === 0) c += I.pairCost[k] + I.distinctStep[this.nDist[rec]];
    if (I.weights.balance > 0 && I.staffAvail[s] > 0) {
      const d = I.uDur[u];
      c += (I.weights.balance * d * (2 * this.work[s] + d)) / I.staffAvail[s];
    }
    return c;
  }

  /** Inserts visit v at its cheapest feasible place; returns false if none. */
  private insertVisit(v: number, blink: boolean): boolean {
    const I = this.I;
    const units = I.vUnits[v];
    const u = units[0];
    const elig = I.uRoutes[u];
    const wT = I.weights.travel;
    if (units.length === 1) {
      let best = Infinity;
      let bestR = -1;
      let bestPos = -1;
      let emptyTried = false;
      for (let k = 0; k < elig.length; k++) {
        const r = elig[k];
        if (this.routes[r].length === 0) {
          if (this.noNewRoutes) continue;
          if (I.symmetricEmpty) {
            if (emptyTried) continue;
            emptyTried = true;
          }
        }
        const d = this.bestPos(u, r, blink);
        if (d === Infinity) continue;
        const c = wT * d + this.contDelta(u, I.rStaff[r]);
        if (c < best) {
          best = c;
          bestR = r;
          bestPos = this.bPos;
        }
      }
      if (bestR < 0) return false;
      this.insertUnit(u, bestR, bestPos);
    } else {
      // two helpers: candidate positions per route, then the cheapest compatible pair
      const u2 = units[1];
      let nc = 0;
      const cand = this.cand;
      for (let k = 0; k < elig.length; k++) {
        const r = elig[k];
        if (this.noNewRoutes && this.routes[r].length === 0) continue;
        const d = this.bestPos(u, r, blink);
        if (d === Infinity) continue;
        const c = wT * d + this.contDelta(u, I.rStaff[r]);
        if (nc * 5 + 5 > cand.length) break;
        cand[nc * 5] = c;
        cand[nc * 5 + 1] = r;
        cand[nc * 5 + 2] = this.bPos;
        cand[nc * 5 + 3] = this.bLo;
        cand[nc * 5 + 4] = this.bHi;
        nc++;
      }
      let best = Infinity;
      let a = -1;
      let b = -1;
      for (let i = 0; i < nc; i++) {
        const ci = cand[i * 5];
        if (ci >= best) continue;
        for (let j = i + 1; j < nc; j++) {
          const c = ci + cand[j * 5];
          if (c >= best) continue;
          const ri = cand[i * 5 + 1];
          const rj = cand[j * 5 + 1];
          if (I.rStaff[ri] === I.rStaff[rj]) continue;
          const lo = Math.max(cand[i * 5 + 3], cand[j * 5 + 3]);
          const hi = Math.min(cand[i * 5 + 4], cand[j * 5 + 4]);
          if (lo > hi + EPS) continue;
          best = c;
          a = i;
          b = j;
        }
      }
      if (a < 0) {
        // The best position per route may not overlap in time; try the partner's route
        // positions more exhaustively for the cheapest candidate routes.
        if (!this.pairFallback(v, blink)) return false;
      } else {
        const t = Math.max(cand[a * 5 + 3], cand[b * 5 + 3]);
        this.setWindow(u, t, t);
        this.setWindow(u2, t, t);
        this.insertUnit(u, cand[a * 5 + 1], cand[a * 5 + 2]);
        this.insertUnit(u2, cand[b * 5 + 1], cand[b * 5 + 2]);
      }
    }
    this.vAssigned[v] = 1;
    this.unassigned--;
    return true;
  }

  /** Exhaustive pair insertion over all positions (rarely needed). */
  private pairFallback(v: number, blink: boolean): boolean {
    const I = this.I;
    const [u, u2] = I.vUnits[v];
    const elig = I.uRoutes[u];
    // collect all feasible (route, pos, lo, hi, cost)
    const list: number[] = [];
    const saveL = this.curL[u];
    const saveE = this.curE[u];
    for (let k = 0; k < elig.length; k++) {
      const r = elig[k];
      const n = this.routes[r].length;
      if (this.noNewRoutes && n === 0) continue;
      for (let p = 0; p <= n; p++) {
        // restrict to one position by narrowing: evaluate position p alone
        const d = this.posDelta(u, r, p);
        if (d === Infinity) continue;
        list.push(I.weights.travel * d + this.contDelta(u, I.rStaff[r]), r, p, this.bLo, this.bHi);
      }
    }
    this.curL[u] = saveL;
    this.curE[u] = saveE;
    let best = Infinity;
    let a = -1;
    let b = -1;
    const m = list.length / 5;
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        const c = list[i * 5] + list[j * 5];
        if (c >= best) continue;
        if (I.rStaff[list[i * 5 + 1]] === I.rStaff[list[j * 5 + 1]]) continue;
        const lo = Math.max(list[i * 5 + 3], list[j * 5 + 3]);
        const hi = Math.min(list[i * 5 + 4], list[j * 5 + 4]);
        if (lo > hi + EPS) continue;
        if (blink && this.rng.next() < 0.01) continue;
        best = c;
        a = i;
        b = j;
      }
    }
    if (a < 0) return false;
    const t = Math.max(list[a * 5 + 3], list[b * 5 + 3]);
    this.setWindow(u, t, t);
    this.setWindow(u2, t, t);
    this.insertUnit(u, list[a * 5 + 1], list[a * 5 + 2]);
    this.insertUnit(u2, list[b * 5 + 1], list[b * 5 + 2]);
    return true;
  }

  /** Travel delta of unit u at position p of route r (sets bLo/bHi), or Infinity. */
  private posDelta(u: number, r: number, i: number): number {
    const I = this.I;
    if (this.rLoad[r] + I.uDem[u] > I.rCap[r] + EPS) return Infinity;
    const seq = this.routes[r];
    const n = seq.length;
    const N = I.nLoc;
    const tm = I.tm;
    const loc = I.uLoc[u];
    const dur = I.uDur[u];
    const e = this.curE[u];
    const l = this.curL[u];
    let prevLoc = I.rStartLoc[r];
    let prevDep = I.rStart[r];
    if (i > 0) {
      const p = seq[i - 1];
      prevLoc = I.uLoc[p];
      prevDep = this.rE[r][i - 1] + I.uDur[p];
    }
    const tPrev = tm[prevLoc * N + loc];
    const arr = prevDep + tPrev;
    if (arr > l + EPS) return Infinity;
    const start = arr > e ? arr : e;
    const nLoc = i < n ? I.uLoc[seq[i]] : I.rEndLoc[r];
    const latestNext = i < n ? this.rLt[r][i] : I.rEnd[r];
    const tNext = tm[loc * N + nLoc];
    if (start + dur + tNext > latestNext + EPS) return Infinity;
    this.bLo = start;
    const hi = latestNext - tNext - dur;
    this.bHi = hi < l ? hi : l;
    return tPrev + tNext - tm[prevLoc * N + nLoc];
  }

  // ---------- ruin ----------
  private sisrRuin(cBar: number, lMax: number, seedUnit = -1): void {
    const I = this.I;
    const rng = this.rng;
    let assigned = 0;
    let nonEmpty = 0;
    for (let r = 0; r < I.nRoutes; r++) {
      const n = this.routes[r].length;
      if (n > 0) {
        nonEmpty++;
        assigned += n;
      }
    }
    if (assigned === 0) return;
    const lsMax = Math.min(lMax, assigned / nonEmpty);
    const ksMax = (4 * cBar) / (1 + lsMax) - 1;
    const ks = Math.floor(rng.next() * ksMax) + 1;
    // seed: a random assigned unit (or the given one, e.g. an unassigned visit to make room for)
    let seed = seedUnit;
    for (let tries = 0; tries < 50 && seed < 0; tries++) {
      const u = rng.int(I.nUnits);
      if (this.uRoute[u] >= 0) seed = u;
    }
    if (seed < 0) return;
    const nb = I.uNeighbors[seed];
    const ruined: number[] = [];
    for (let q = 0; q < nb.length && ruined.length < ks; q++) {
      const c = nb[q];
      const r = this.uRoute[c];
      if (r < 0 || ruined.includes(r)) continue;
      const seq = this.routes[r];
      const len = seq.length;
      const lmax = Math.min(len, lsMax);
      const l = Math.floor(rng.next() * lmax) + 1;
      const pos = this.uPos[c];
      ruined.push(r);
      const toRemove: number[] = [];
      if (l === len || rng.next() < 0.5) {
        // string
        let s = pos - rng.int(l);
        if (s < 0) s = 0;
        if (s + l > len) s = len - l;
        for (let i = s; i < s + l; i++) toRemove.push(seq[i]);
      } else {
        // split string: a string of l + m, keep m consecutive
        let m = 1;
        while (l + m < len && rng.next() > 0.01) m++;
        const tot = l + m;
        let s = pos - rng.int(tot);
        if (s < 0) s = 0;
        if (s + tot > len) s = len - tot;
        const keepAt = s + rng.int(l + 1);
        for (let i = s; i < s + tot; i++) if (i < keepAt || i >= keepAt + m) toRemove.push(seq[i]);
      }
      for (const u of toRemove) {
        const v = I.uVisit[u];
        if (this.removedMark[v] !== this.iter) this.removeVisit(v);
      }
    }
  }

  /** Empties one route (a short one more likely) so that the others must absorb its visits. */
  private routeRuin(): boolean {
    const I = this.I;
    const rng = this.rng;
    let bestR = -1;
    let bestKey = Infinity;
    let nonEmpty = 0;
    for (let r = 0; r < I.nRoutes; r++) {
      const n = this.routes[r].length;
      if (n === 0) continue;
      nonEmpty++;
      const key = n * (0.5 + rng.next());
      if (key < bestKey) {
        bestKey = key;
        bestR = r;
      }
    }
    if (bestR < 0 || nonEmpty < 2) return false;
    for (const u of this.routes[bestR].slice()) {
      const v = I.uVisit[u];
      if (this.removedMark[v] !== this.iter) this.removeVisit(v);
    }
    this.noNewRoutes = true;
    return true;
  }

  /**
   * Continuity move: pick a person with many helpers and one of their least-used helpers g;
   * remove the person's visits done by g (all days) and make room around those times in
   * the routes of the person's other helpers, so that g can drop out of the person's set.
   */
  private helperRuin(recVisitUnits: number[][]): boolean {
    const I = this.I;
    const rng = this.rng;
    const S = I.nStaff;
    let rec = -1;
    for (let k = 0; k < 3; k++) {
      const u = rng.int(I.nUnits);
      if (this.uRoute[u] < 0) continue;
      const r = I.uRec[u];
      if (rec < 0 || this.nDist[r] > this.nDist[rec]) rec = r;
    }
    if (rec < 0 || this.nDist[rec] < 2) return false;
    // least-used helper (random tie-break)
    let g = -1;
    let gc = Infinity;
    for (let s = 0; s < S; s++) {
      const c = this.cnt[rec * S + s];
      if (c > 0 && (c < gc || (c === gc && rng.next() < 0.5))) {
        gc = c;
        g = s;
      }
    }
    if (g < 0) return false;
    const days = I.problem.days;
    const units = recVisitUnits[rec];
    const targets: number[] = [];
    for (const u of units) {
      const r = this.uRoute[u];
      if (r < 0 || I.rStaff[r] !== g) continue;
      targets.push(u);
    }
    for (const u of targets) {
      const v = I.uVisit[u];
      if (this.removedMark[v] !== this.iter) this.removeVisit(v);
    }
    // room in the routes of the person's other helpers on those days
    for (const u of targets) {
      const day = I.uDay[u];
      for (let s = 0; s < S; s++) {
        if (s === g || this.cnt[rec * S + s] === 0) continue;
        const r = this.routeOf[s * days + day];
        if (r < 0) continue;
        const seq = this.routes[r];
        if (seq.length === 0 || rng.next() < 0.3) continue;
        let p = 0;
        while (p < seq.length && this.rE[r][p] < I.uE[u]) p++;
        const l = 1 + rng.int(3);
        let st = p - rng.int(l + 1);
        if (st < 0) st = 0;
        for (let i = st; i < Math.min(seq.length, st + l); i++) {
          const w = seq[i];
          if (this.uRoute[w] !== r || I.uRec[w] === rec) continue;
          const wv = I.uVisit[w];
          if (this.removedMark[wv] !== this.iter) this.removeVisit(wv);
        }
      }
    }
    return targets.length > 0;
  }

  /** Removes every visit of one person over the horizon, and makes room in a familiar helper's routes. */
  private recipientRuin(recVisits: number[][], recPref: Int32Array[]): void {
    const I = this.I;
    const rng = this.rng;
    let seed = -1;
    for (let tries = 0; tries < 50 && seed < 0; tries++) {
      const u = rng.int(I.nUnits);
      if (this.uRoute[u] >= 0) seed = u;
    }
    if (seed < 0) return;
    const rec = I.uRec[seed];
    // helper to make room for: a preferred helper, or the person's most frequent helper
    let h = -1;
    const pref = recPref[rec];
    if (pref.length > 0 && rng.next() < 0.5) h = pref[rng.int(pref.length)];
    else {
      let bestC = 0;
      for (let s = 0; s < I.nStaff; s++) {
        const c = this.cnt[rec * I.nStaff + s];
        if (c > bestC || (c === bestC && c > 0 && rng.next() < 0.5)) {
          bestC = c;
          h = s;
        }
      }
    }
    const vs = recVisits[rec];
    const days = I.problem.days;
    for (const v of vs) {
      if (this.removedMark[v] !== this.iter) this.removeVisit(v);
    }
    if (h < 0) return;
    for (const v of vs) {
      if (rng.next() < 0.5) continue;
      const u = I.vUnits[v][0];
      const r = this.routeOf[h * days + I.uDay[u]];
      if (r < 0) continue;
      const seq = this.routes[r];
      if (seq.length === 0) continue;
      // position by time
      let p = 0;
      while (p < seq.length && this.rE[r][p] < I.uE[u]) p++;
      const l = 1 + rng.int(3);
      let s = p - rng.int(l + 1);
      if (s < 0) s = 0;
      for (let i = s; i < Math.min(seq.length, s + l); i++) {
        const w = I.uVisit[seq[i]];
        if (this.uRoute[seq[i]] === r && this.removedMark[w] !== this.iter) this.removeVisit(w);
      }
    }
  }

  // ---------- recreate ----------
  private recreate(order: number): void {
    const I = this.I;
    const list = this.insertList;
    const rng = this.rng;
    if (order < 0) {
      // keep the removal order (the targets of a continuity move first)
      for (const v of list) if (!this.vAssigned[v]) this.insertVisit(v, true);
      return;
    }
    // shuffle first, then sort by a criterion
    for (let i = list.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = list[i];
      list[i] = list[j];
      list[j] = t;
    }
    const key = (v: number): number => {
      const u = I.vUnits[v][0];
      switch (order) {
        case 1:
          return -I.uDem[u] - (I.vUnits[v].length > 1 ? 1e6 : 0);
        case 2: {
          const r0 = I.uRoutes[u][0];
          return r0 === undefined ? 0 : -I.tm[I.rStartLoc[r0] * I.nLoc + I.uLoc[u]];
        }
        case 3: {
          const r0 = I.uRoutes[u][0];
          return r0 === undefined ? 0 : I.tm[I.rStartLoc[r0] * I.nLoc + I.uLoc[u]];
        }
        case 4:
          return I.uL[u] - I.uE[u] - (I.vUnits[v].length > 1 ? 1e6 : 0);
        case 5:
          return I.uE[u];
        case 6:
          return I.uRec[u] * 100 + rng.next();
        case 7:
          return I.uDay[u] * 1e5 + I.uL[u] - I.uE[u] - (I.vUnits[v].length > 1 ? 1e4 : 0);
        default:
          return 0;
      }
    };
    if (order > 0) {
      const keys = new Map<number, number>();
      for (const v of list) keys.set(v, key(v));
      list.sort((a, b) => keys.get(a)! - keys.get(b)!);
    }
    for (const v of list) {
      if (this.vAssigned[v]) continue;
      this.insertVisit(v, true);
    }
  }

  /**
   * Continuity-first construction: visits that recur (same person, window, duration, skills)
   * form a series; each series is given to the helper who can take most of its days at the
   * lowest cost, then the rest to a second helper, and so on.
   */
  private constructBySeries(): void {
    const I = this.I;
    const S = I.nStaff;
    const days = I.problem.days;
    const series = new Map<string, number[]>();
    for (let v = 0; v < I.nVisits; v++) {
      if (this.vAssigned[v] || I.unassignable.has(v)) continue;
      const u = I.vUnits[v][0];
      const vis = I.problem.visits[v];
      const key = `${I.uRec[u]}|${I.uE[u]}|${I.uL[u]}|${I.uDur[u]}|${(vis.skills ?? []).join(',')}|${I.vUnits[v].length}|${vis.pinned ?? ''}`;
      const l = series.get(key);
      if (l) l.push(v);
      else series.set(key, [v]);
    }
    const list = [...series.values()];
    const width = (l: number[]) => {
      const u = I.vUnits[l[0]][0];
      return I.uL[u] - I.uE[u] - (I.vUnits[l[0]].length > 1 ? 1e4 : 0) - l.length * 0.01;
    };
    list.sort((a, b) => width(a) - width(b));
    const W = I.weights.continuity;
    for (const vs of list) {
      if (I.vUnits[vs[0]].length > 1) {
        for (const v of vs) if (!this.vAssigned[v]) this.insertVisit(v, false);
        continue;
      }
      let remaining = vs.filter((v) => !this.vAssigned[v]);
      for (let round = 0; round < 6 && remaining.length > 0; round++) {
        let bestS = -1;
        let bestScore = Infinity;
        for (let st = 0; st < S; st++) {
          let count = 0;
          let cost = 0;
          for (const v of remaining) {
            const u = I.vUnits[v][0];
            const r = this.routeOf[st * days + I.uDay[u]];
            if (r < 0 || !I.uRoutes[u].includes(r)) continue;
            const d = this.bestPos(u, r, false);
            if (d === Infinity) continue;
            count++;
            cost += I.weights.travel * d;
          }
          if (count === 0) continue;
          const k = I.uRec[I.vUnits[remaining[0]][0]] * S + st;
          const contC = this.cnt[k] > 0 ? 0 : I.pairCost[k] + W;
          const score = cost + contC + I.visitCost[k] * count + (remaining.length - count) * W * 0.5;
          if (score < bestScore) {
            bestScore = score;
            bestS = st;
          }
        }
        if (bestS < 0) break;
        const next: number[] = [];
        for (const v of remaining) {
          const u = I.vUnits[v][0];
          const r = this.routeOf[bestS * days + I.uDay[u]];
          if (r >= 0 && I.uRoutes[u].includes(r) && this.bestPos(u, r, false) !== Infinity) {
            this.insertUnit(u, r, this.bPos);
            this.vAssigned[v] = 1;
            this.unassigned--;
          } else next.push(v);
        }
        remaining = next;
      }
      for (const v of remaining) this.insertVisit(v, false);
    }
  }

  // ---------- undo ----------
  private beginIteration(): void {
    this.iter++;
    this.touched.length = 0;
    this.saved.length = 0;
    this.winLog.length = 0;
    this.insertList.length = 0;
  }

  private rollback(scalars: number[]): void {
    const I = this.I;
    for (const r of this.touched) {
      for (const u of this.routes[r]) {
        this.removeStats(u, I.rStaff[r]);
        this.uRoute[u] = -1;
      }
    }
    const log = this.winLog;
    for (let i = log.length - 3; i >= 0; i -= 3) {
      this.curE[log[i]] = log[i + 1];
      this.curL[log[i]] = log[i + 2];
    }
    for (let k = 0; k < this.touched.length; k++) {
      const r = this.touched[k];
      const seq = this.saved[k];
      this.routes[r] = seq;
      for (const u of seq) {
        this.uRoute[u] = r;
        this.addStats(u, I.rStaff[r]);
      }
      this.updateRoute(r);
    }
    for (const v of this.insertList) {
      const units = I.vUnits[v];
      let all = true;
      for (let j = 0; j < units.length; j++) if (this.uRoute[units[j]] < 0) all = false;
      this.vAssigned[v] = all ? 1 : 0;
    }
    this.travel = scalars[0];
    this.cont = scalars[1];
    this.bal = scalars[2];
    this.unassigned = scalars[3];
  }

  /** Recomputes all totals from scratch (removes floating drift). */
  recomputeTotals(): void {
    const I = this.I;
    this.cnt.fill(0);
    this.nDist.fill(0);
    this.work.fill(0);
    this.cont = 0;
    this.bal = 0;
    this.travel = 0;
    this.rTravel.fill(0);
    for (let r = 0; r < I.nRoutes; r++) {
      for (const u of this.routes[r]) {
        this.uRoute[u] = r;
        this.addStats(u, I.rStaff[r]);
      }
      this.updateRoute(r);
    }
    let un = 0;
    for (let v = 0; v < I.nVisits; v++) {
      const units = I.vUnits[v];
      let all = true;
      for (let j = 0; j < units.length; j++) if (this.uRoute[units[j]] < 0) all = false;
      this.vAssigned[v] = all ? 1 : 0;
      if (!all) un++;
    }
    this.unassigned = un;
  }

  // ---------- main loop ----------
  run(p: SearchParams): SearchResult {
    const I = this.I;
    const rng = this.rng;
    const t0ms = performance.now();
    const cBar = p.cBar ?? (I.solomon ? 10 : 12);
    const lMax = p.lMax ?? 10;
    const recVisits: number[][] = Array.from({ length: I.nRec }, () => []);
    for (let v = 0; v < I.nVisits; v++) if (!I.unassignable.has(v)) recVisits[I.uRec[I.vUnits[v][0]]].push(v);
    const recUnits: number[][] = Array.from({ length: I.nRec }, () => []);
    for (let u = 0; u < I.nUnits; u++) recUnits[I.uRec[u]].push(u);
    const staffIdx = new Map(I.problem.staff.map((s, i) => [s.id, i]));
    const recPref = I.problem.recipients.map((r) => Int32Array.from((r.preferred ?? []).map((id) => staffIdx.get(id)!)));
    const useRecRuin = !I.solomon && I.weights.continuity > 0;

    // construction
    if (p.start) {
      this.curE.set(p.start.winE);
      this.curL.set(p.start.winL);
      for (let r = 0; r < I.nRoutes; r++) this.routes[r] = p.start.routes[r].slice();
      this.recomputeTotals();
    }
    this.beginIteration();
    for (let v = 0; v < I.nVisits; v++) if (!this.vAssigned[v] && !I.unassignable.has(v)) this.insertList.push(v);
    if (I.weights.continuity > 0 && !I.solomon && (p.construction ?? 'series') === 'series') {
      this.constructBySeries();
      this.insertList.length = 0;
    } else this.recreate(I.weights.continuity > 0 ? 7 : 4);
    this.recomputeTotals();

    let curCost = this.cost();
    let curUn = this.unassigned;
    let best = this.snapshot();
    let bestCost = curCost;
    let bestUn = curUn;
    const scale = Math.max(1e-6, this.travel / Math.max(1, I.nUnits - this.unassigned));
    const T0 = (p.t0 ?? (I.solomon ? 0.25 : 0.3)) * scale;
    const Tf = (p.tf ?? 0.002) * scale;
    let it = 0;
    // Reheating (Solomon): when the best plan has not improved for a quarter of the budget,
    // the temperature jumps back up and cools again over the remaining budget.
    let schedStart = 0;
    let schedT0 = T0;
    let lastImprove = 0;
    let reheats = 0;
    let lastReport = t0ms;
    const scalars = [0, 0, 0, 0];
    const unList: number[] = [];
    for (;;) {
      const now = it % 16 === 0 ? performance.now() : lastReport;
      const elapsed = now - t0ms;
      if (it >= p.iterations || elapsed >= p.timeMs) break;
      const frac = p.scheduleBy === 'iterations' ? it / p.iterations : elapsed / p.timeMs;
      if (I.solomon && reheats < 2 && frac < 0.8 && frac - lastImprove > 0.25) {
        const Tnow = schedT0 * Math.pow(Tf / schedT0, (frac - schedStart) / (1 - schedStart));
        schedT0 = Math.min(T0, Tnow * 20);
        schedStart = frac;
        lastImprove = frac;
        reheats++;
      }
      const T = schedT0 * Math.pow(Tf / schedT0, (frac - schedStart) / (1 - schedStart));
      it++;
      scalars[0] = this.travel;
      scalars[1] = this.cont;
      scalars[2] = this.bal;
      scalars[3] = this.unassigned;
      this.beginIteration();
      let repairSeed = -1;
      // unassigned visits get another chance
      if (this.unassigned > 0) {
        unList.length = 0;
        for (let v = 0; v < I.nVisits; v++) if (!this.vAssigned[v] && !I.unassignable.has(v)) unList.push(v);
        const prob = Math.min(1, 8 / Math.max(1, unList.length));
        for (const v of unList) if (rng.next() < prob) this.insertList.push(v);
        // now and then, make room around one unassigned visit and insert it first
        if (unList.length > 0 && rng.next() < 0.2) {
          const v = unList[rng.int(unList.length)];
          if (!this.insertList.includes(v)) this.insertList.push(v);
          const idx = this.insertList.indexOf(v);
          this.insertList[idx] = this.insertList[0];
          this.insertList[0] = v;
          repairSeed = I.vUnits[v][0];
        }
      }
      this.noNewRoutes = false;
      const op = rng.next();
      let keepOrder = false;
      if (repairSeed >= 0) {
        this.sisrRuin(cBar, lMax, repairSeed);
        keepOrder = true;
      } else if (useRecRuin && op < 0.1) this.recipientRuin(recVisits, recPref);
      else if (useRecRuin && op < 0.45) {
        if (!this.helperRuin(recUnits)) this.sisrRuin(cBar, lMax);
        else keepOrder = rng.next() < 0.5;
      }
      else if (I.solomon && op < 0.03) {
        if (this.routeRuin()) this.sisrRuin(cBar / 2, lMax);
        else this.sisrRuin(cBar, lMax);
      } else this.sisrRuin(cBar, lMax);
      this.compactTouched();
      const rnd = rng.next();
      const order = I.solomon
        ? rnd < 4 / 11 ? 0 : rnd < 8 / 11 ? 1 : rnd < 10 / 11 ? 2 : 3
        : rnd < 0.3 ? 0 : rnd < 0.5 ? 4 : rnd < 0.65 ? 5 : rnd < 0.8 ? 6 : rnd < 0.9 ? 2 : 1;
      this.recreate(keepOrder ? -1 : order);
      const newCost = this.cost();
      const newUn = this.unassigned;
      let accept: boolean;
      if (newUn !== curUn) accept = newUn < curUn;
      else accept = newCost < curCost - T * Math.log(rng.next() + 1e-300);
      if (accept) {
        curCost = newCost;
        curUn = newUn;
        if (curUn < bestUn || (curUn === bestUn && curCost < bestCost - 1e-9)) {
          bestUn = curUn;
          lastImprove = frac;
          bestCost = curCost;
          best = this.snapshot();
        }
      } else {
        this.rollback(scalars);
      }
      if (p.onProgress && now - lastReport > 500) {
        lastReport = now;
        p.onProgress(it, now - t0ms, bestUn, bestCost, best.travel);
      }
    }
    // load the best plan
    this.curE.set(best.winE);
    this.curL.set(best.winL);
    for (let r = 0; r < I.nRoutes; r++) this.routes[r] = best.routes[r].slice();
    this.uRoute.fill(-1);
    this.recomputeTotals();
    const starts = new Float64Array(I.nUnits).fill(NaN);
    for (let r = 0; r < I.nRoutes; r++) {
      const seq = this.routes[r];
      for (let i = 0; i < seq.length; i++) starts[seq[i]] = this.rE[r][i];
    }
    const unassignedVisits: number[] = [];
    for (let v = 0; v < I.nVisits; v++) if (!this.vAssigned[v]) unassignedVisits.push(v);
    return {
      routes: this.routes.map((s) => s.slice()),
      starts,
      unassignedVisits,
      cost: this.cost(),
      travel: this.travel,
      iterations: it,
      winE: Float64Array.from(this.curE),
      winL: Float64Array.from(this.curL),
    };
  }

  /** Copy of the current plan; only routes changed since the last snapshot are copied. */
  private snapshot(): { routes: number[][]; winE: Float64Array; winL: Float64Array; travel: number } {
    if (!this.best) {
      this.best = {
        routes: this.routes.map((s) => s.slice()),
        winE: Float64Array.from(this.curE),
        winL: Float64Array.from(this.curL),
        travel: this.travel,
      };
    } else {
      for (const r of this.dirtyList) this.best.routes[r] = this.routes[r].slice();
      this.best.winE.set(this.curE);
      this.best.winL.set(this.curL);
      this.best.travel = this.travel;
    }
    for (const r of this.dirtyList) this.dirty[r] = 0;
    this.dirtyList.length = 0;
    return this.best;
  }
}
