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
  /** Scratch of the pair insertion: (cost, route, position, lo, hi) per candidate of each unit, and their orders by cost. */
  private pairList: number[] = [];
  private pairListB: number[] = [];
  private pairOrder: number[] = [];
  private pairOrderB: number[] = [];
  /** The largest lateness in the plan when the current insertion began (maxTardiness priced only). */
  protected tmaxNow = 0;
  /** Helpers a dependent visit may not go to (its partner's, when the dependency asks for two different ones). */
  private forbidA = -1;
  private forbidB = -1;
  /**
   * Granular insertion (`tuning.granular` = k, 0 = off): a one-helper visit is offered to a
   * helper who does not serve the person yet only if that helper's route already holds one of
   * the visit's k nearest units (or is empty), so the routes scanned per insertion do not grow
   * with the district. The person's own helpers and helper set are always scanned.
   */
  protected granularK = 0;
  /** Fallback outside the narrowed zones: only routes near the visit (its k nearest units; 0 = any). */
  protected fallbackK = 0;
  private granStamp: Int32Array | undefined;
  private granTick = 0;

  /**
   * Best position of unit u in route r; sets bPos/bLo/bHi. Returns the cost delta of the
   * routes (travel times its weight, plus tardiness on problems with soft late windows) or
   * Infinity.
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
    const wT = I.weights.travel;
    const soft = I.soft;
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
      let delta = wT * (tPrev + tNext - tm[prevLoc * N + nLoc]);
      if (soft) delta += this.lateCost(u, r, i, start);
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

  /**
   * Tardiness cost of unit u starting at `start` just before stop i of route r: its own
   * minutes late and those its arrival pushes onto later stops (until waiting absorbs the
   * push), plus the rise of the largest lateness when that is priced.
   */
  protected lateCost(u: number, r: number, i: number, start: number): number {
    const I = this.I;
    const w = I.weights;
    const seq = this.routes[r];
    const n = seq.length;
    const E = this.rE[r];
    const N = I.nLoc;
    let own = start - I.uDue[u];
    if (own < 0) own = 0;
    let add = own;
    let mx = own;
    let loc = I.uLoc[u];
    let t = start + I.uDur[u];
    for (let j = i; j < n; j++) {
      const x = seq[j];
      const arr = t + I.tm[loc * N + I.uLoc[x]];
      const old = E[j];
      // the old start is at least the stop's earliest, so a later arrival is the new start
      if (arr <= old + EPS) break;
      const due = I.uDue[x];
      const lateNew = arr - due;
      if (lateNew > 0) {
        const lateOld = old - due;
        add += lateOld > 0 ? lateNew - lateOld : lateNew;
        if (lateNew > mx) mx = lateNew;
      }
      loc = I.uLoc[x];
      t = arr + I.uDur[x];
    }
    let c = w.tardiness * add;
    if (w.maxTardiness > 0 && mx > this.tmaxNow) c += w.maxTardiness * (mx - this.tmaxNow);
    return c;
  }

  /** Single-unit insertion scratch: best cost, route, position and start found so far. */
  private sBest = Infinity;
  private sBestR = -1;
  private sBestPos = -1;
  private sBestStart = 0;
  private sEmptyTried = false;

  /** Tries unit u in route r; keeps it in sBest* if cheaper. `prune`: skip the scan when continuity alone cannot win. */
  private scanRoute(u: number, r: number, blink: boolean, prune: boolean): void {
    const I = this.I;
    const s = I.rStaff[r];
    if (s === this.forbidA || s === this.forbidB) return;
    if (this.routes[r].length === 0) {
      if (this.noNewRoutes) return;
      if (I.symmetricEmpty) {
        if (this.sEmptyTried) return;
        this.sEmptyTried = true;
      }
    }
    const cd = this.contDelta(u, s);
    if (prune && cd >= this.sBest) return;
    const d = this.bestPos(u, r, blink);
    if (d === Infinity) return;
    const c = d + cd;
    if (c < this.sBest) {
      this.sBest = c;
      this.sBestR = r;
      this.sBestPos = this.bPos;
      this.sBestStart = this.bLo;
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

  /**
   * Inserts visit v at its cheapest feasible place; returns false if none. A visit with a
   * dependency goes in jointly with its partner, or within the gap of the partner's start
   * when the partner is already served.
   */
  protected insertVisit(v: number, blink: boolean): boolean {
    const I = this.I;
    if (I.soft && I.weights.maxTardiness > 0) this.tmaxNow = this.maxTardiness();
    const dep = I.vDep[v];
    if (dep < 0) return this.placeVisit(v, blink);
    if (this.vAssigned[dep]) return this.placeNearPartner(v, dep, blink);
    if (I.vUnits[v].length === 1 && I.vUnits[dep].length === 1) {
      const a = I.vUnits[v][0];
      const b = I.vUnits[dep][0];
      if (this.pairInsert(a, b, I.vGapMin[v], I.vGapMax[v], I.vDepDistinct[v] === 1, blink)) {
        this.markAssigned(v);
        this.markAssigned(dep);
        return true;
      }
    }
    // one after the other: v first, then its partner within the gap of v's start
    if (!this.placeVisit(v, blink)) return false;
    this.placeNearPartner(dep, v, blink);
    return true;
  }

  /**
   * Places visit v, whose dependency partner is served (pinned to its start), with its
   * window narrowed to the gap after (or before) that start and, if asked, away from the
   * partner's helpers. The window is put back if v finds no place.
   */
  private placeNearPartner(v: number, partner: number, blink: boolean): boolean {
    const I = this.I;
    const pu = I.vUnits[partner];
    const tp = this.curE[pu[0]];
    const lo = tp + I.vGapMin[partner];
    const hi = tp + I.vGapMax[partner];
    const units = I.vUnits[v];
    for (let j = 0; j < units.length; j++) {
      const x = units[j];
      if ((lo > I.uE[x] ? lo : I.uE[x]) > (hi < I.uL[x] ? hi : I.uL[x]) + EPS) return false;
    }
    for (let j = 0; j < units.length; j++) {
      const x = units[j];
      this.setWindow(x, lo > I.uE[x] ? lo : I.uE[x], hi < I.uL[x] ? hi : I.uL[x]);
    }
    if (I.vDepDistinct[v]) {
      this.forbidA = this.uRoute[pu[0]] >= 0 ? I.rStaff[this.uRoute[pu[0]]] : -1;
      this.forbidB = pu.length > 1 && this.uRoute[pu[1]] >= 0 ? I.rStaff[this.uRoute[pu[1]]] : -1;
    }
    const ok = this.placeVisit(v, blink);
    this.forbidA = -1;
    this.forbidB = -1;
    if (!ok) for (let j = 0; j < units.length; j++) this.setWindow(units[j], I.uE[units[j]], I.uL[units[j]]);
    return ok;
  }

  /**
   * Inserts visit v (one unit, or a two-helper pair) at its cheapest place, ignoring its
   * dependency: among the narrowed routes (own and neighbouring zones) first, and only if none
   * can take it among every route able to serve it — so the plan's routes stay in their zones
   * and a visit is not left undone for want of a helper next door.
   */
  private placeVisit(v: number, blink: boolean): boolean {
    if (this.placeVisitIn(v, blink)) return true;
    const all = this.I.uRoutesAll;
    if (!all) return false;
    const units = this.I.vUnits[v];
    const narrowed = Array.from(units, (x) => this.I.uRoutes[x]);
    if (narrowed.every((a, j) => a.length === all[units[j]].length)) return false;
    for (const x of units) this.I.uRoutes[x] = all[x];
    const k = this.granularK;
    if (this.fallbackK > 0) this.granularK = this.fallbackK;
    try {
      return this.placeVisitIn(v, blink);
    } finally {
      this.granularK = k;
      for (let j = 0; j < units.length; j++) this.I.uRoutes[units[j]] = narrowed[j];
    }
  }

  private placeVisitIn(v: number, blink: boolean): boolean {
    const I = this.I;
    const units = I.vUnits[v];
    const u = units[0];
    const elig = I.uRoutes[u];
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
        const rowK = rec * I.nStaff;
        for (let k = 0; k < hs.length; k++) {
          const r = this.routeOf[hs[k] * days + day];
          if (r >= 0 && eligible(I, u, r)) this.scanRoute(u, r, blink, true);
        }
        // then the person's helper set (those not serving them yet), and others only if the
        // cheapest helper outside the set could still win
        const set = I.recSet[rec];
        for (let k = 0; k < set.length; k++) {
          if (this.cnt[rowK + set[k]] > 0) continue;
          const r = this.routeOf[set[k] * days + day];
          if (r >= 0 && eligible(I, u, r)) this.scanRoute(u, r, blink, true);
        }
        const minNew = set.length > 0 ? I.outsideMin[rec] : I.newHelperMin[rec];
        const lb = this.contScale * this.contLambda * (minNew + I.distinctStep[this.nDist[rec]]) - 1e-9;
        if (lb < this.sBest) {
          const tick = this.granularK > 0 ? this.markNearRoutes(u) : 0;
          for (let k = 0; k < elig.length; k++) {
            const r = elig[k];
            if (tick > 0 && this.granStamp![r] !== tick && this.routes[r].length > 0) continue;
            const s = I.rStaff[r];
            if (this.cnt[rowK + s] === 0 && (set.length === 0 || set.indexOf(s) < 0)) this.scanRoute(u, r, blink, true);
          }
        }
      } else for (let k = 0; k < elig.length; k++) this.scanRoute(u, elig[k], blink, false);
      const bestR = this.sBestR;
      if (bestR < 0) return false;
      // a linked visit keeps the start it got: its partner's window was (or will be) set by it
      if (I.vLinked[v]) this.setWindow(u, this.sBestStart, this.sBestStart);
      this.insertUnit(u, bestR, this.sBestPos);
    } else if (!this.pairInsert(u, units[1], 0, 0, true, blink)) return false;
    this.markAssigned(v);
    return true;
  }

  /** Stamps the routes that hold one of unit u's k nearest units (granular insertion); returns the stamp. */
  private markNearRoutes(u: number): number {
    const I = this.I;
    if (!this.granStamp) this.granStamp = new Int32Array(I.nRoutes);
    const tick = ++this.granTick;
    const nb = I.uNeighbors[u];
    // uNeighbors lists the unit itself first
    const end = Math.min(nb.length, this.granularK + 1);
    for (let q = 1; q < end; q++) {
      const r = this.uRoute[nb[q]];
      if (r >= 0) this.granStamp[r] = tick;
    }
    return tick;
  }

  /** Candidates of unit u, one per eligible route (its best position), into `list` as (cost, route, position, lo, hi). */
  private pairCandidates(u: number, list: number[], blink: boolean): void {
    const I = this.I;
    const elig = I.uRoutes[u];
    list.length = 0;
    for (let k = 0; k < elig.length; k++) {
      const r = elig[k];
      const s = I.rStaff[r];
      if (s === this.forbidA || s === this.forbidB) continue;
      if (this.noNewRoutes && this.routes[r].length === 0) continue;
      const d = this.bestPos(u, r, blink);
      if (d === Infinity) continue;
      list.push(d + this.contDelta(u, s), r, this.bPos, this.bLo, this.bHi);
    }
  }

  /**
   * Inserts units a and b jointly into two routes with start(b) − start(a) in [gMin, gMax]
   * (a two-helper visit: its two units, gap 0), by different helpers when `distinct`, always
   * in different routes; both get their start pinned as window. First the best position per
   * route, then (when those never fit together in time) every position of every route.
   */
  protected pairInsert(a: number, b: number, gMin: number, gMax: number, distinct: boolean, blink: boolean): boolean {
    const I = this.I;
    const twin = I.uVisit[a] === I.uVisit[b];
    this.pairCandidates(a, this.pairList, blink);
    if (!twin) this.pairCandidates(b, this.pairListB, blink);
    if (this.choosePair(a, b, twin, gMin, gMax, distinct, false)) return true;
    return this.pairAllPositions(a, b, twin, gMin, gMax, distinct, blink);
  }

  /** The two-helper visit v by every position of every route (the fallback of pairInsert). */
  protected pairFallback(v: number, blink: boolean): boolean {
    const [u, u2] = this.I.vUnits[v];
    return this.pairAllPositions(u, u2, true, 0, 0, true, blink);
  }

  /** Every feasible position of unit u in its eligible routes, into `list`. */
  private allPositions(u: number, list: number[]): void {
    const I = this.I;
    const elig = I.uRoutes[u];
    list.length = 0;
    const l = this.curL[u];
    const need = this.curE[u] + I.uDur[u] - EPS;
    for (let k = 0; k < elig.length; k++) {
      const r = elig[k];
      const s = I.rStaff[r];
      if (s === this.forbidA || s === this.forbidB) continue;
      const seq = this.routes[r];
      const n = seq.length;
      if (this.noNewRoutes && n === 0) continue;
      const cd = this.contDelta(u, s);
      for (let p = firstFit(this.rLt[r], n, need); p <= n; p++) {
        // later positions depart even later: none can start in the window
        if (p > 0 && this.rE[r][p - 1] + I.uDur[seq[p - 1]] > l + EPS) break;
        const d = this.posDelta(u, r, p);
        if (d === Infinity) continue;
        list.push(d + cd, r, p, this.bLo, this.bHi);
      }
    }
  }

  /**
   * Exhaustive pair insertion over all positions, when the best position per route does
   * not give two start intervals that fit the gap. Candidates are sorted by cost so the pair
   * loop stops as soon as no cheaper pair can follow (this runs in most recreates that
   * hold a two-helper visit, so it matters for speed).
   */
  private pairAllPositions(
    a: number,
    b: number,
    twin: boolean,
    gMin: number,
    gMax: number,
    distinct: boolean,
    blink: boolean,
  ): boolean {
    this.allPositions(a, this.pairList);
    if (!twin) this.allPositions(b, this.pairListB);
    return this.choosePair(a, b, twin, gMin, gMax, distinct, blink);
  }

  /** Extra tardiness cost of unit u starting at t instead of its earliest start lo there (its own lateness only). */
  private lateExtra(u: number, lo: number, t: number): number {
    if (!this.I.soft || t <= lo) return 0;
    const due = this.I.uDue[u];
    const x = (t > due ? t - due : 0) - (lo > due ? lo - due : 0);
    return this.I.weights.tardiness * x;
  }

  /**
   * The cheapest compatible pair of candidates (a from pairList, b from pairListB, or from
   * pairList again for a two-helper visit's twin units); inserts it. Both lists are sorted by
   * cost, so the loops stop once no cheaper pair can follow.
   */
  private choosePair(
    a: number,
    b: number,
    twin: boolean,
    gMin: number,
    gMax: number,
    distinct: boolean,
    blink: boolean,
  ): boolean {
    const I = this.I;
    const A = this.pairList;
    const B = twin ? A : this.pairListB;
    const oa = this.sortedOrder(A, this.pairOrder);
    const ob = twin ? oa : this.sortedOrder(B, this.pairOrderB);
    const ma = oa.length;
    const mb = ob.length;
    if (ma === 0 || mb === 0) return false;
    const minB = B[ob[0] * 5];
    let best = Infinity;
    let ia = -1;
    let ib = -1;
    let t1 = 0;
    let t2 = 0;
    for (let x = 0; x < ma; x++) {
      const i = oa[x];
      const ci = A[i * 5];
      // twins: pairs are unordered (the gap is 0 both ways), so the partner comes later in the order
      if ((twin ? ci * 2 : ci + minB) >= best) break;
      const ri = A[i * 5 + 1];
      const loA = A[i * 5 + 3];
      const hiA = A[i * 5 + 4];
      for (let y = twin ? x + 1 : 0; y < mb; y++) {
        const j = ob[y];
        const c = ci + B[j * 5];
        if (c >= best) break;
        const rj = B[j * 5 + 1];
        if (ri === rj) continue;
        if ((distinct || twin) && I.rStaff[ri] === I.rStaff[rj]) continue;
        const loB = B[j * 5 + 3];
        // a starts as early as it can while b can still keep the gap; b as early as the gap allows
        const s1 = loA > loB - gMax ? loA : loB - gMax;
        if (s1 > hiA + EPS) continue;
        const s2 = loB > s1 + gMin ? loB : s1 + gMin;
        if (s2 > B[j * 5 + 4] + EPS) continue;
        const extra = this.lateExtra(a, loA, s1) + this.lateExtra(b, loB, s2);
        if (c + extra >= best) continue;
        if (blink && this.rng.next() < 0.01) continue;
        best = c + extra;
        ia = i;
        ib = j;
        t1 = s1;
        t2 = s2;
        // the first compatible partner is the cheapest for this a when no lateness is added
        if (extra === 0) break;
      }
    }
    if (ia < 0) return false;
    this.setWindow(a, t1, t1);
    this.setWindow(b, t2, t2);
    this.insertUnit(a, A[ia * 5 + 1], A[ia * 5 + 2]);
    this.insertUnit(b, B[ib * 5 + 1], B[ib * 5 + 2]);
    return true;
  }

  /** Indexes of the 5-stride candidate list by ascending cost (ties by index). */
  private sortedOrder(list: number[], order: number[]): number[] {
    const m = list.length / 5;
    order.length = m;
    for (let i = 0; i < m; i++) order[i] = i;
    order.sort((x, y) => list[x * 5] - list[y * 5] || x - y);
    return order;
  }

  /** Cost delta of unit u at position p of route r (sets bLo/bHi), or Infinity. */
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
    const d = I.weights.travel * (tPrev + tNext - tm[prevLoc * N + nLoc]);
    return I.soft ? d + this.lateCost(u, r, i, start) : d;
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
      if (I.vLinked[v] || this.bestPos(u, r, false) === Infinity) continue;
      this.insertUnit(u, r, this.bPos);
      this.markAssigned(v);
    }
    // a large construction watches the deadline every 32 visits; what is left stays unassigned
    const timed = list.length > 64 && this.deadlineAt !== Infinity;
    if (order < 0) {
      // keep the removal order (the targets of a continuity move first)
      for (let k = 0; k < list.length; k++) {
        if (timed && (k & 31) === 31 && this.pastDeadline()) return;
        if (!this.vAssigned[list[k]]) this.insertVisit(list[k], true);
      }
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
          return I.uDue[u] - I.uE[u] - (I.vUnits[v].length > 1 ? 1e6 : 0);
        case 5:
          return I.uE[u];
        case 6:
          return I.uRec[u] * 100 + rng.next();
        case 7:
          return I.uDay[u] * 1e5 + I.uDue[u] - I.uE[u] - (I.vUnits[v].length > 1 ? 1e4 : 0);
        default:
          return 0;
      }
    };
    if (order > 0) {
      const keys = new Map<number, number>();
      for (const v of list) keys.set(v, key(v));
      list.sort((a, b) => keys.get(a)! - keys.get(b)!);
    }
    for (let k = 0; k < list.length; k++) {
      if (timed && (k & 31) === 31 && this.pastDeadline()) return;
      if (!this.vAssigned[list[k]]) this.insertVisit(list[k], true);
    }
  }
}
