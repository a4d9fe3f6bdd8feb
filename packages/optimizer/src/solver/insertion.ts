/**
 * Insertion: cheapest feasible place of a visit over all eligible (helper, day) routes, by
 * travel delta plus the change in continuity, balance and baseline cost. Positions are
 * checked in O(1) each with the route's forward/backward timing arrays (plan-state.ts).
 * "Blinks" (SISR) skip a candidate with a small probability so that recreate does not
 * always rebuild the same plan. A two-helper visit is inserted as a pair of units in routes
 * of two different helpers whose feasible start intervals overlap; both get the common
 * start pinned as their window while served.
 */
import { EPS, PlanState } from './plan-state.ts';
import { eligible } from './instance.ts';

/**
 * The first position of a route where a visit can go: a position before stop i needs the
 * stop's latest start Lt[i] >= e + dur (`need`), and Lt is nondecreasing along the route,
 * so a binary search finds it (n, the end of the route, if no stop qualifies).
 */
function firstFit(Lt: number[], n: number, need: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Lt[mid] < need) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Insertion extends PlanState {
  /** Scratch of pairFallback: (cost, route, position, lo, hi) per candidate, and their order by cost. */
  private pairList: number[] = [];
  private pairOrder: number[] = [];

  /**
   * Best position of unit u in route r by travel delta; sets bPos/bLo/bHi.
   * Returns the travel delta or Infinity.
   */
  protected bestPos(u: number, r: number, blink: boolean): number {
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
    // in a day route only the few positions around the visit's window are looked at
    for (let i = firstFit(Lt, n, e + dur - EPS); i <= n; i++) {
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

  /** Single-unit insertion scratch: best cost, route and position found so far. */
  private sBest = Infinity;
  private sBestR = -1;
  private sBestPos = -1;
  private sEmptyTried = false;

  /** Tries unit u in route r; keeps it in sBest* if cheaper. `prune`: skip the scan when continuity alone cannot win. */
  private scanRoute(u: number, r: number, blink: boolean, prune: boolean): void {
    const I = this.I;
    if (this.routes[r].length === 0) {
      if (this.noNewRoutes) return;
      if (I.symmetricEmpty) {
        if (this.sEmptyTried) return;
        this.sEmptyTried = true;
      }
    }
    const cd = this.contDelta(u, I.rStaff[r]);
    if (prune && cd >= this.sBest) return;
    const d = this.bestPos(u, r, blink);
    if (d === Infinity) return;
    const c = I.weights.travel * d + cd;
    if (c < this.sBest) {
      this.sBest = c;
      this.sBestR = r;
      this.sBestPos = this.bPos;
    }
  }

  protected contDelta(u: number, s: number): number {
    const I = this.I;
    const rec = I.uRec[u];
    const k = rec * I.nStaff + s;
    let c = I.visitCost[k];
    if (this.cnt[k] === 0) c += I.pairCost[k] + I.distinctStep[this.nDist[rec]];
    c = c * this.contScale * this.contLambda + this.changeCost(u, s);
    if (I.weights.balance > 0 && I.staffAvail[s] > 0) {
      const d = I.uDur[u];
      c += (I.weights.balance * d * (2 * this.work[s] + d)) / I.staffAvail[s];
    }
    return c;
  }

  /** Inserts visit v at its cheapest feasible place; returns false if none. */
  protected insertVisit(v: number, blink: boolean): boolean {
    const I = this.I;
    const units = I.vUnits[v];
    const u = units[0];
    const elig = I.uRoutes[u];
    const wT = I.weights.travel;
    if (units.length === 1) {
      this.sBest = Infinity;
      this.sBestR = -1;
      this.sEmptyTried = false;
      // With a metric travel model an insertion never lowers travel, so a route whose
      // continuity/balance/change cost alone is not below the best found cannot win and its
      // positions need not be scanned. The routes of the person's own helpers go first:
      // they are cheapest, and then most other routes are skipped — all of them when even
      // the cheapest new helper (pair cost + distinct-helper step) costs more than the best.
      if (I.metric) {
        const rec = I.uRec[u];
        const hs = this.recHelpers[rec];
        const day = I.uDay[u];
        const days = I.problem.days;
        for (let k = 0; k < hs.length; k++) {
          const r = this.routeOf[hs[k] * days + day];
          if (r >= 0 && eligible(I, u, r)) this.scanRoute(u, r, blink, true);
        }
        const lb = this.contScale * this.contLambda * (I.newHelperMin[rec] + I.distinctStep[this.nDist[rec]]) - 1e-9;
        if (lb < this.sBest) {
          const rowK = rec * I.nStaff;
          for (let k = 0; k < elig.length; k++) {
            const r = elig[k];
            if (this.cnt[rowK + I.rStaff[r]] === 0) this.scanRoute(u, r, blink, true);
          }
        }
      } else for (let k = 0; k < elig.length; k++) this.scanRoute(u, elig[k], blink, false);
      const bestR = this.sBestR;
      const bestPos = this.sBestPos;
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
    this.markAssigned(v);
    return true;
  }

  /**
   * Exhaustive pair insertion over all positions, when the best position per route does
   * not give two overlapping start intervals. Candidates are sorted by cost so the pair
   * loop stops as soon as no cheaper pair can follow (this runs in most recreates that
   * hold a two-helper visit, so it matters for speed).
   */
  protected pairFallback(v: number, blink: boolean): boolean {
    const I = this.I;
    const [u, u2] = I.vUnits[v];
    const elig = I.uRoutes[u];
    const list = this.pairList;
    list.length = 0;
    const wT = I.weights.travel;
    const l = this.curL[u];
    const need = this.curE[u] + I.uDur[u] - EPS;
    for (let k = 0; k < elig.length; k++) {
      const r = elig[k];
      const seq = this.routes[r];
      const n = seq.length;
      if (this.noNewRoutes && n === 0) continue;
      const cd = this.contDelta(u, I.rStaff[r]);
      for (let p = firstFit(this.rLt[r], n, need); p <= n; p++) {
        // later positions depart even later: none can start in the window
        if (p > 0 && this.rE[r][p - 1] + I.uDur[seq[p - 1]] > l + EPS) break;
        const d = this.posDelta(u, r, p);
        if (d === Infinity) continue;
        list.push(wT * d + cd, r, p, this.bLo, this.bHi);
      }
    }
    const m = list.length / 5;
    const order = this.pairOrder;
    order.length = m;
    for (let i = 0; i < m; i++) order[i] = i;
    order.sort((x, y) => list[x * 5] - list[y * 5] || x - y);
    let best = Infinity;
    let a = -1;
    let b = -1;
    for (let x = 0; x < m; x++) {
      const i = order[x];
      const ci = list[i * 5];
      if (ci * 2 >= best) break; // every later pair costs at least twice this one
      for (let y = x + 1; y < m; y++) {
        const j = order[y];
        const c = ci + list[j * 5];
        if (c >= best) break;
        if (I.rStaff[list[i * 5 + 1]] === I.rStaff[list[j * 5 + 1]]) continue;
        const lo = Math.max(list[i * 5 + 3], list[j * 5 + 3]);
        const hi = Math.min(list[i * 5 + 4], list[j * 5 + 4]);
        if (lo > hi + EPS) continue;
        if (blink && this.rng.next() < 0.01) continue;
        best = c;
        a = i;
        b = j;
        break; // the first compatible partner is the cheapest for this i
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
  protected posDelta(u: number, r: number, i: number): number {
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

  // ---------- recreate ----------
  protected recreate(order: number): void {
    const I = this.I;
    const list = this.insertList;
    const rng = this.rng;
    // forced placements first (series ruin): the visit goes to that route if it fits there
    const forced = this.forced;
    for (let k = 0; k < forced.length; k += 2) {
      const v = forced[k];
      const r = forced[k + 1];
      if (this.vAssigned[v]) continue;
      const u = I.vUnits[v][0];
      if (this.bestPos(u, r, false) === Infinity) continue;
      this.insertUnit(u, r, this.bPos);
      this.markAssigned(v);
    }
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
}
