/**
 * The mutable plan the search works on: route sequences of units per (helper, day), their
 * timing arrays, the incremental objective (travel, continuity, balance, baseline changes)
 * and the undo log of one ruin-and-recreate iteration.
 *
 * Timing: for every route, E[i] is the earliest start of its i-th stop (forward pass) and
 * Lt[i] the latest start that keeps every later stop and the shift end feasible (backward
 * pass). With both, inserting a unit at any position is checked in O(1) (insertion.ts).
 *
 * Objective counters are updated on every insertion and removal, so a move costs only the
 * touched routes; an iteration that is rejected restores the saved copies of exactly the
 * routes it touched (rollback), which is much cheaper than copying the plan.
 */
import type { Instance } from './instance.ts';
import { Rng } from './rng.ts';

export const EPS = 1e-9;

/** A copy of a plan: unit sequences per route and the (two-helper) window pins. */
export interface PlanCopy {
  routes: number[][];
  winE: Float64Array;
  winL: Float64Array;
  travel: number;
}

export class PlanState {
  readonly I: Instance;
  rng: Rng;
  routes: number[][];
  rE: number[][];
  rLt: number[][];
  rLoad: Float64Array;
  rTravel: Float64Array;
  /** Minutes late summed over a route's stops, and its largest (soft late windows only). */
  rTard: Float64Array;
  rTardMax: Float64Array;
  /** Route lengths as of their last updateRoute, and their running totals (SISR's mean route length). */
  protected rLen: Int32Array;
  protected servedUnits = 0;
  protected nonEmptyRoutes = 0;
  uRoute: Int32Array;
  uPos: Int32Array;
  curE: Float64Array;
  curL: Float64Array;
  cnt: Int32Array;
  nDist: Int32Array;
  /**
   * Each recipient's current helpers (cnt > 0), ascending by staff index — the routes that
   * insertion tries first, without scanning every eligible route for them.
   */
  recHelpers: number[][];
  work: Float64Array;
  travel = 0;
  /** Minutes late summed over all stops (soft late windows). */
  tard = 0;
  cont = 0;
  bal = 0;
  unassigned = 0;
  /** Pinned visits among the unassigned: compared before `unassigned` (search.ts). */
  unassignedPinned = 0;
  vAssigned: Uint8Array;
  routeOf: Int32Array; // staff * days + day -> route or -1
  // undo bookkeeping
  protected stamp: Int32Array;
  protected iter = 1;
  protected touched: number[] = [];
  protected saved: number[][] = [];
  protected winLog: number[] = [];
  protected insertList: number[] = [];
  protected removedMark: Int32Array;
  /** Pairs (visit, route) that recreate tries first in exactly that route (series ruin). */
  protected forced: number[] = [];
  /**
   * Multiplier of the continuity terms in insertion choices (not in the objective). Repair
   * iterations set it to 0 so that an unassigned visit is placed where it packs best, as in
   * a travel-only plan; acceptance still judges the full objective.
   */
  protected contScale = 1;
  /**
   * Weight of the continuity terms in the objective itself, 0..1 (1 but while a warm-started
   * search ramps continuity in: search.ts). Insertion choices use it too.
   */
  protected contLambda = 1;
  // insertion scratch
  /** While set, recreate may not open empty routes (route-elimination move). */
  protected noNewRoutes = false;
  protected bPos = -1;
  protected bLo = 0;
  protected bHi = 0;
  protected cand: Float64Array;
  protected dirty: Uint8Array;
  protected dirtyList: number[] = [];
  protected best: PlanCopy | null = null;
  /** Units whose window changed since the last snapshot (only those are copied into it). */
  private winDirty: number[] = [];
  private winMark: Int32Array;
  private snapGen = 1;
  /**
   * The clock every phase reads (ms; injectable so that tests can count steps instead of
   * timing them) and the one deadline on it that construction, search, local search and the
   * final polish all stop at (Infinity: iteration-capped runs, which stay deterministic).
   */
  clock: () => number = () => performance.now();
  deadlineAt = Infinity;

  constructor(I: Instance, seed: number) {
    this.I = I;
    this.rng = new Rng(seed);
    const R = I.nRoutes;
    this.routes = Array.from({ length: R }, () => []);
    this.rE = Array.from({ length: R }, () => []);
    this.rLt = Array.from({ length: R }, () => []);
    this.rLoad = new Float64Array(R);
    this.rTravel = new Float64Array(R);
    this.rTard = new Float64Array(R);
    this.rTardMax = new Float64Array(R);
    this.rLen = new Int32Array(R);
    this.uRoute = new Int32Array(I.nUnits).fill(-1);
    this.uPos = new Int32Array(I.nUnits).fill(-1);
    this.curE = Float64Array.from(I.uE);
    this.curL = Float64Array.from(I.uL);
    this.cnt = new Int32Array(I.nRec * I.nStaff);
    this.nDist = new Int32Array(I.nRec);
    this.recHelpers = Array.from({ length: I.nRec }, () => []);
    this.work = new Float64Array(I.nStaff);
    this.vAssigned = new Uint8Array(I.nVisits);
    this.unassigned = I.nVisits;
    for (let v = 0; v < I.nVisits; v++) this.unassignedPinned += I.vPinned[v];
    const days = I.problem.days;
    this.routeOf = new Int32Array(I.nStaff * days).fill(-1);
    for (let r = 0; r < R; r++) this.routeOf[I.rStaff[r] * days + I.rDay[r]] = r;
    this.stamp = new Int32Array(R);
    this.removedMark = new Int32Array(I.nVisits);
    this.cand = new Float64Array(Math.max(16, R * 4 * 4));
    this.dirty = new Uint8Array(R);
    this.winMark = new Int32Array(I.nUnits);
  }

  /** Re-planning: cost of unit u done by helper s when the baseline had other helper(s). */
  protected changeCost(u: number, s: number): number {
    const I = this.I;
    const v = I.uVisit[u];
    const a = I.vBaseA[v];
    if (a < 0 || a === s || I.vBaseB[v] === s) return 0;
    return I.weights.change / I.vUnits[v].length;
  }

  /** Whether the deadline has passed (construction and the polishes check it between steps). */
  pastDeadline(): boolean {
    return this.deadlineAt !== Infinity && this.clock() >= this.deadlineAt;
  }

  cost(): number {
    const w = this.I.weights;
    let c = w.travel * this.travel + this.contLambda * this.cont + this.bal;
    if (this.I.soft) c += w.tardiness * this.tard + w.maxTardiness * this.maxTardiness();
    return c;
  }

  /** The largest lateness of any stop (O(routes); only priced on problems with soft windows). */
  maxTardiness(): number {
    if (this.I.weights.maxTardiness === 0) return 0;
    let m = 0;
    const a = this.rTardMax;
    for (let r = 0; r < a.length; r++) if (a[r] > m) m = a[r];
    return m;
  }

  /** Travel-weighted cost of the plan's routes alone (travel and tardiness): the annealing's scale. */
  routeCost(): number {
    const w = this.I.weights;
    return w.travel * this.travel + (this.I.soft ? w.tardiness * this.tard + w.maxTardiness * this.maxTardiness() : 0);
  }

  /** The scalars an iteration restores on rollback. */
  saveScalars(s: number[]): void {
    s[0] = this.travel;
    s[1] = this.cont;
    s[2] = this.bal;
    s[3] = this.unassigned;
    s[4] = this.tard;
  }

  // ---------- bookkeeping ----------
  protected addStats(u: number, s: number): void {
    const I = this.I;
    const rec = I.uRec[u];
    const k = rec * I.nStaff + s;
    if (this.cnt[k] === 0) {
      this.cont += I.pairCost[k] + I.distinctStep[this.nDist[rec]];
      this.nDist[rec]++;
      const hs = this.recHelpers[rec];
      let i = hs.length;
      hs.push(s);
      while (i > 0 && hs[i - 1] > s) {
        hs[i] = hs[i - 1];
        i--;
      }
      hs[i] = s;
    }
    this.cnt[k]++;
    this.cont += I.visitCost[k] + this.changeCost(u, s);
    const d = I.uDur[u];
    const w = this.work[s];
    this.work[s] = w + d;
    if (I.weights.balance > 0 && I.staffAvail[s] > 0)
      this.bal += (I.weights.balance * d * (2 * w + d)) / I.staffAvail[s];
  }

  protected removeStats(u: number, s: number): void {
    const I = this.I;
    const rec = I.uRec[u];
    const k = rec * I.nStaff + s;
    this.cnt[k]--;
    this.cont -= I.visitCost[k] + this.changeCost(u, s);
    if (this.cnt[k] === 0) {
      this.nDist[rec]--;
      this.cont -= I.pairCost[k] + I.distinctStep[this.nDist[rec]];
      const hs = this.recHelpers[rec];
      hs.splice(hs.indexOf(s), 1);
    }
    const d = I.uDur[u];
    const w = this.work[s] - d;
    this.work[s] = w;
    if (I.weights.balance > 0 && I.staffAvail[s] > 0)
      this.bal -= (I.weights.balance * d * (2 * w + d)) / I.staffAvail[s];
  }

  /** Recomputes schedule arrays, load and travel of a route. */
  updateRoute(r: number): void {
    const I = this.I;
    const seq = this.routes[r];
    const n = seq.length;
    const E = this.rE[r];
    const Lt = this.rLt[r];
    // grow by push: setting a larger length would make the arrays holey (slower to read)
    if (E.length > n) {
      E.length = n;
      Lt.length = n;
    } else {
      while (E.length < n) {
        E.push(0);
        Lt.push(0);
      }
    }
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
    if (I.soft) {
      let tard = 0;
      let tmax = 0;
      for (let i = 0; i < n; i++) {
        const late = E[i] - I.uDue[seq[i]];
        if (late > 0) {
          tard += late;
          if (late > tmax) tmax = late;
        }
      }
      this.tard += tard - this.rTard[r];
      this.rTard[r] = tard;
      this.rTardMax[r] = tmax;
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
    const n0 = this.rLen[r];
    this.servedUnits += n - n0;
    this.nonEmptyRoutes += (n > 0 ? 1 : 0) - (n0 > 0 ? 1 : 0);
    this.rLen[r] = n;
    this.rLoad[r] = load;
  }

  protected touch(r: number): void {
    if (this.stamp[r] !== this.iter) {
      this.stamp[r] = this.iter;
      this.touched.push(r);
      this.saved.push(this.routes[r].slice());
    }
  }

  protected setWindow(u: number, e: number, l: number): void {
    this.winLog.push(u, this.curE[u], this.curL[u]);
    if (this.winMark[u] !== this.snapGen) {
      this.winMark[u] = this.snapGen;
      this.winDirty.push(u);
    }
    this.curE[u] = e;
    this.curL[u] = l;
  }

  /** Marks a visit whose units are all placed. */
  protected markAssigned(v: number): void {
    this.vAssigned[v] = 1;
    this.unassigned--;
    this.unassignedPinned -= this.I.vPinned[v];
  }

  /**
   * Removes a visit (all its units) from the plan, and the other visit of its dependency with
   * it (a dependent pair is reinserted jointly); routes are left for the caller to update.
   */
  protected removeVisit(v: number): void {
    const I = this.I;
    const units = I.vUnits[v];
    const pinned = I.vLinked[v] === 1;
    for (let j = 0; j < units.length; j++) {
      const u = units[j];
      const r = this.uRoute[u];
      if (r < 0) continue;
      this.touch(r);
      this.removeStats(u, I.rStaff[r]);
      this.uRoute[u] = -1;
      if (pinned) this.setWindow(u, I.uE[u], I.uL[u]);
    }
    if (this.vAssigned[v]) {
      this.vAssigned[v] = 0;
      this.unassigned++;
      this.unassignedPinned += I.vPinned[v];
    }
    this.removedMark[v] = this.iter;
    this.insertList.push(v);
    const dep = I.vDep[v];
    if (dep >= 0 && this.removedMark[dep] !== this.iter) this.removeVisit(dep);
  }

  /** Drops removed units from touched routes and refreshes them. */
  protected compactTouched(): void {
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

  protected insertUnit(u: number, r: number, pos: number): void {
    this.touch(r);
    this.routes[r].splice(pos, 0, u);
    this.uRoute[u] = r;
    this.addStats(u, this.I.rStaff[r]);
    this.updateRoute(r);
  }

  // ---------- undo ----------
  protected beginIteration(): void {
    this.iter++;
    this.touched.length = 0;
    this.saved.length = 0;
    this.winLog.length = 0;
    this.insertList.length = 0;
    this.forced.length = 0;
  }

  protected rollback(scalars: number[]): void {
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
      // the pinned count follows each visit back to its state before the iteration
      if (I.vPinned[v]) this.unassignedPinned += (this.vAssigned[v] ? 1 : 0) - (all ? 1 : 0);
      this.vAssigned[v] = all ? 1 : 0;
    }
    this.travel = scalars[0];
    this.cont = scalars[1];
    this.bal = scalars[2];
    this.unassigned = scalars[3];
    this.tard = scalars[4];
  }

  /** Recomputes all totals from scratch (removes floating drift). */
  recomputeTotals(): void {
    const I = this.I;
    this.cnt.fill(0);
    this.nDist.fill(0);
    for (const hs of this.recHelpers) hs.length = 0;
    this.work.fill(0);
    this.cont = 0;
    this.bal = 0;
    this.travel = 0;
    this.tard = 0;
    this.rTravel.fill(0);
    this.rTard.fill(0);
    this.rTardMax.fill(0);
    for (let r = 0; r < I.nRoutes; r++) {
      for (const u of this.routes[r]) {
        this.uRoute[u] = r;
        this.addStats(u, I.rStaff[r]);
      }
      this.updateRoute(r);
    }
    let un = 0;
    let pinned = 0;
    for (let v = 0; v < I.nVisits; v++) {
      const units = I.vUnits[v];
      let all = true;
      for (let j = 0; j < units.length; j++) if (this.uRoute[units[j]] < 0) all = false;
      this.vAssigned[v] = all ? 1 : 0;
      if (!all) {
        un++;
        pinned += I.vPinned[v];
      }
    }
    this.unassigned = un;
    this.unassignedPinned = pinned;
  }

  /** Copy of the current plan; only routes changed since the last snapshot are copied. */
  protected snapshot(): PlanCopy {
    if (!this.best) {
      this.best = {
        routes: this.routes.map((s) => s.slice()),
        winE: Float64Array.from(this.curE),
        winL: Float64Array.from(this.curL),
        travel: this.travel,
      };
    } else {
      for (const r of this.dirtyList) this.best.routes[r] = this.routes[r].slice();
      for (const u of this.winDirty) {
        this.best.winE[u] = this.curE[u];
        this.best.winL[u] = this.curL[u];
      }
      this.best.travel = this.travel;
    }
    this.winDirty.length = 0;
    this.snapGen++;
    for (const r of this.dirtyList) this.dirty[r] = 0;
    this.dirtyList.length = 0;
    return this.best;
  }
}
