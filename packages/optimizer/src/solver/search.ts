/**
 * The annealing loop: each iteration ruins part of the plan (ruin.ts) or relabels two
 * routes (local-search.ts), recreates by cheapest insertion (insertion.ts) and accepts by
 * the simulated-annealing rule on the lexicographic objective — a plan with more pinned
 * visits unassigned, or as many and more visits unassigned, is never accepted, one with
 * fewer always is; otherwise the cost may
 * rise by up to about T (SISR: Christiaens & Vanden Berghe 2020). The temperature falls
 * geometrically over iterations (deterministic) or time (anytime); Solomon instances
 * reheat on stagnation. The best plan is kept as a snapshot of changed routes only.
 */
import type { Instance } from './instance.ts';
import type { BaselineSeed } from './baseline.ts';
import { OutsideReasons } from './outside-reasons.ts';

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
  /** Share of iterations, while visits are unassigned, that make room for one of them (default 0.2). */
  repair?: number;
  /** Share of iterations that empty a route (Solomon; default 0.03). */
  routeRuin?: number;
  t0?: number;
  tf?: number;
  /** Home-care construction: series (continuity-first) or greedy insertion by day ('zones' and 'sets' are built before the search: zones.ts, helper-sets.ts). */
  construction?: 'zones' | 'sets' | 'series' | 'greedy';
  /** Re-planning: a baseline plan mapped onto the routes, kept where still feasible. */
  baseline?: BaselineSeed;
  /**
   * Share of the run over which the continuity terms are brought in, from 0 to their full
   * weight (a warm start from a travel-only plan; 0 = full weight from the start).
   */
  contRamp?: number;
  /** Granular insertion: a new helper only where the route holds one of the visit's k nearest units (0 = off). */
  granular?: number;
  fallbackK?: number;
  /**
   * Inter-route local search (route-moves.ts): 'best' polishes each new best plan (at most
   * once per `lsGap` iterations) and the final plan, 'accept' the routes each accepted
   * iteration touched, 'final' only the final plan, 'off' none (the default).
   */
  localSearch?: 'off' | 'best' | 'accept' | 'final';
  /** Share of the run after which new best plans are polished ('best'; default 0). */
  lsFrom?: number;
  /** Fewest iterations between two local searches of new best plans (default 100). */
  lsGap?: number;
  /** Neighbours per unit of the local search (default 15). */
  lsK?: number;
  /** The clock (ms) every phase reads: tests inject one that counts steps. */
  clock?: () => number;
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

/** Share of a time-limited run kept for the polishes of the final plan. */
export const POLISH_SHARE = 0.03;

export class Search extends OutsideReasons {
  constructor(I: Instance, seed: number) {
    super(I, seed);
  }

  // ---------- main loop ----------
  run(p: SearchParams): SearchResult {
    const I = this.I;
    const rng = this.rng;
    if (p.clock) this.clock = p.clock;
    const t0ms = this.clock();
    // one deadline for every phase: construction, the search, its local search and the polish
    const deadline = p.timeMs === Infinity ? Infinity : t0ms + p.timeMs;
    // a first plan that leaves visits undone for want of a few hundred ms is worse than the
    // overrun (a loaded machine can leave a worker 50 ms): the construction may take its own
    // budget again (1 s at least) past the deadline, and stops there
    this.deadlineAt = deadline + Math.max(p.timeMs, 1000);
    const lsMode = I.soft ? 'off' : (p.localSearch ?? 'off');
    const lsGap = p.lsGap ?? 100;
    const lsFrom = p.lsFrom ?? 0;
    if (p.lsK !== undefined) this.lsK = p.lsK;
    let lastLs = -Infinity;
    const cBar = p.cBar ?? (I.solomon ? 10 : 12);
    const lMax = p.lMax ?? 10;
    /** Share of iterations (while visits are unassigned) that make room for one of them. */
    const repairRate = p.repair ?? 0.2;
    /** Share of Solomon iterations that empty a short route (route elimination). */
    const routeRuinRate = p.routeRuin ?? 0.03;
    this.granularK = Math.max(0, Math.floor(p.granular ?? 0));
    this.fallbackK = Math.max(0, Math.floor(p.fallbackK ?? 0));
    const recVisits: number[][] = Array.from({ length: I.nRec }, () => []);
    for (let v = 0; v < I.nVisits; v++) if (!I.unassignable.has(v)) recVisits[I.uRec[I.vUnits[v][0]]].push(v);
    const recUnits: number[][] = Array.from({ length: I.nRec }, () => []);
    for (let u = 0; u < I.nUnits; u++) recUnits[I.uRec[u]].push(u);
    const staffIdx = new Map(I.problem.staff.map((s, i) => [s.id, i]));
    const recPref = I.problem.recipients.map((r) =>
      Int32Array.from((r.preferred ?? []).map((id) => staffIdx.get(id)!)),
    );
    const useRecRuin = !I.solomon && I.weights.continuity > 0;

    // construction
    if (p.start) {
      this.curE.set(p.start.winE);
      this.curL.set(p.start.winL);
      for (let r = 0; r < I.nRoutes; r++) this.routes[r] = p.start.routes[r].slice();
      this.recomputeTotals();
    }
    this.beginIteration();
    if (p.baseline) this.seedBaseline(p.baseline);
    for (let v = 0; v < I.nVisits; v++) if (!this.vAssigned[v] && !I.unassignable.has(v)) this.insertList.push(v);
    if (I.weights.continuity > 0 && !I.solomon && p.construction === 'series') {
      this.constructBySeries();
      this.insertList.length = 0;
    } else this.recreate(I.weights.continuity > 0 ? 7 : 4);
    this.deadlineAt = deadline;
    this.recomputeTotals();

    const ramp = p.contRamp ?? 0;
    this.contLambda = ramp > 0 ? 0 : 1;
    let curCost = this.cost();
    let curUn = this.unassigned;
    let curPin = this.unassignedPinned;
    let best = this.snapshot();
    let bestCost = curCost;
    let bestUn = curUn;
    let bestPin = curPin;
    // the best plan's parts, to price it again while the continuity weight ramps up
    let bestTravel = this.travel;
    let bestCont = this.cont;
    let bestBal = this.bal;
    const scale = Math.max(1e-6, this.routeCost() / Math.max(1, I.nUnits - this.unassigned));
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
    const scalars = [0, 0, 0, 0, 0];
    // the unassigned visits (that someone could do), kept up to date from each accepted
    // iteration's insert list: a rescan of every visit per iteration grew with the district
    const unList: number[] = [];
    const unPos = new Int32Array(I.nVisits).fill(-1);
    const unSync = (v: number) => {
      const want = !this.vAssigned[v] && !I.unassignable.has(v);
      if (want && unPos[v] < 0) {
        unPos[v] = unList.length;
        unList.push(v);
      } else if (!want && unPos[v] >= 0) {
        const last = unList.pop()!;
        if (last !== v) {
          unList[unPos[v]] = last;
          unPos[last] = unPos[v];
        }
        unPos[v] = -1;
      }
    };
    for (let v = 0; v < I.nVisits; v++) unSync(v);
    // the polishes after the loop (relabelling, the local search of the final plan) get the
    // last 3 % of the time; they stop at the deadline like every phase
    const loopMs = useRecRuin || lsMode !== 'off' ? p.timeMs * (1 - POLISH_SHARE) : p.timeMs;
    for (;;) {
      const now = it % 16 === 0 ? this.clock() : lastReport;
      const elapsed = now - t0ms;
      if (it >= p.iterations || elapsed >= loopMs) break;
      const frac = p.scheduleBy === 'iterations' ? it / p.iterations : elapsed / loopMs;
      if (I.solomon && reheats < 2 && frac < 0.8 && frac - lastImprove > 0.25) {
        const Tnow = schedT0 * (Tf / schedT0) ** ((frac - schedStart) / (1 - schedStart));
        schedT0 = Math.min(T0, Tnow * 20);
        schedStart = frac;
        lastImprove = frac;
        reheats++;
      }
      const T = schedT0 * (Tf / schedT0) ** ((frac - schedStart) / (1 - schedStart));
      if (this.contLambda < 1) {
        // the current and the best plan are priced again at the new weight
        this.contLambda = Math.min(1, frac / ramp);
        curCost = this.cost();
        bestCost = I.weights.travel * bestTravel + this.contLambda * bestCont + bestBal;
      }
      it++;
      this.saveScalars(scalars);
      this.beginIteration();
      let repairSeed = -1;
      // unassigned visits get another chance
      if (this.unassigned > 0) {
        // the list changes only when an iteration is accepted (a rejected one is rolled back)
        // about eight of them get another chance (all when there are few)
        if (unList.length <= 8) for (const v of unList) this.insertList.push(v);
        else for (let k = 0; k < 8; k++) this.insertList.push(unList[rng.int(unList.length)]);
        // now and then, make room around one unassigned visit and insert it first
        if (unList.length > 0 && rng.next() < repairRate) {
          // a pinned visit left out is repaired first
          const pinnedOut = this.unassignedPinned > 0 ? unList.filter((x) => I.vPinned[x]) : [];
          const from = pinnedOut.length > 0 ? pinnedOut : unList;
          const v = from[rng.int(from.length)];
          if (!this.insertList.includes(v)) this.insertList.push(v);
          const idx = this.insertList.indexOf(v);
          this.insertList[idx] = this.insertList[0];
          this.insertList[0] = v;
          repairSeed = I.vUnits[v][0];
        }
      }
      this.noNewRoutes = false;
      const keepOrder = this.ruinStep(repairSeed, cBar, lMax, useRecRuin, routeRuinRate, recVisits, recPref, recUnits);
      this.compactTouched();
      const order = this.recreateOrder();
      // repair iterations place the unassigned visit where it packs best (travel only)
      this.contScale = repairSeed >= 0 ? 0 : 1;
      this.recreate(keepOrder ? -1 : order);
      this.contScale = 1;
      let newCost = this.cost();
      const newUn = this.unassigned;
      const newPin = this.unassignedPinned;
      let accept: boolean;
      // A pinned visit left out is worse than any number of others: a lock, a kept visit's
      // helper or a break is a person's decision, never traded for another visit.
      if (newPin !== curPin) accept = newPin < curPin;
      else if (newUn !== curUn) accept = newUn < curUn;
      else accept = newCost < curCost - T * Math.log(rng.next() + 1e-300);
      if (accept) {
        for (const v of this.insertList) unSync(v);
        if (lsMode === 'accept' && this.improveRoutes(this.touched.slice(), 1)) newCost = this.cost();
        curCost = newCost;
        curUn = newUn;
        curPin = newPin;
        if (
          curPin < bestPin ||
          (curPin === bestPin && (curUn < bestUn || (curUn === bestUn && curCost < bestCost - 1e-9)))
        ) {
          bestPin = curPin;
          bestUn = curUn;
          lastImprove = frac;
          bestCost = curCost;
          bestTravel = this.travel;
          bestCont = this.cont;
          bestBal = this.bal;
          if (lsMode === 'best' && it - lastLs >= lsGap && frac >= lsFrom) {
            lastLs = it;
            if (this.improveRoutes(null)) {
              curCost = bestCost = this.cost();
              bestTravel = this.travel;
              bestCont = this.cont;
              bestBal = this.bal;
            }
          }
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
    this.contLambda = 1;
    return this.finish(best, useRecRuin, it, lsMode !== 'off');
  }

  /** Loads the best plan, polishes who takes which list, and returns it. */
  private finish(best: ReturnType<Search['snapshot']>, relabel: boolean, it: number, ls: boolean): SearchResult {
    const I = this.I;
    this.curE.set(best.winE);
    this.curL.set(best.winL);
    for (let r = 0; r < I.nRoutes; r++) this.routes[r] = best.routes[r].slice();
    this.uRoute.fill(-1);
    this.recomputeTotals();
    if (ls) this.improveRoutes(null);
    // who takes which list: relabelling can only lower the cost of the final plan
    if (relabel) this.relabelDescent();
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

  /**
   * One iteration's ruin: room around an unassigned visit (repair), a relabelling, one of the
   * continuity ruins, route elimination (Solomon) or a string removal. Returns whether the
   * recreate keeps the insert list's order.
   */
  private ruinStep(
    repairSeed: number,
    cBar: number,
    lMax: number,
    useRecRuin: boolean,
    routeRuinRate: number,
    recVisits: number[][],
    recPref: Int32Array[],
    recUnits: number[][],
  ): boolean {
    const I = this.I;
    const rng = this.rng;
    const op = rng.next();
    let keepOrder = false;
    if (repairSeed >= 0) {
      this.sisrRuin(cBar, lMax, repairSeed);
      keepOrder = true;
    } else if (useRecRuin && op < 0.1) {
      // relabelling: no ruin; recreate below only retries unassigned visits
      if (op < 0.06) this.routeSwap();
      else this.randomGroupRelabel();
    } else if (useRecRuin && op < 0.16) this.recipientRuin(recVisits, recPref);
    else if (useRecRuin && op < 0.26) {
      if (!this.seriesRuin(recPref)) this.sisrRuin(cBar, lMax);
    } else if (useRecRuin && op < 0.36) {
      if (!this.helperSetRuin(recVisits, recPref)) this.sisrRuin(cBar, lMax);
    } else if (useRecRuin && op < 0.45) {
      if (!this.helperRuin(recUnits)) this.sisrRuin(cBar, lMax);
      else keepOrder = rng.next() < 0.5;
    } else if (I.solomon && op < routeRuinRate) {
      if (this.routeRuin()) this.sisrRuin(cBar / 2, lMax);
      else this.sisrRuin(cBar, lMax);
    } else this.sisrRuin(cBar, lMax);
    return keepOrder;
  }

  /** The recreate order of an iteration: random, demand, distance, window… (insertion.ts), Solomon's mix or home care's. */
  private recreateOrder(): number {
    const rnd = this.rng.next();
    if (this.I.solomon) return rnd < 4 / 11 ? 0 : rnd < 8 / 11 ? 1 : rnd < 10 / 11 ? 2 : 3;
    return rnd < 0.3 ? 0 : rnd < 0.5 ? 4 : rnd < 0.65 ? 5 : rnd < 0.8 ? 6 : rnd < 0.9 ? 2 : 1;
  }
}
