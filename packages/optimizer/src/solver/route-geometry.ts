/**
 * The route arithmetic of the inter-route local search (route-moves.ts): departure, location
 * and latest start around a position of a route, whether a unit fits between two of them
 * (O(1) from the E / Lt arrays), cumulative loads, the estimate of the continuity terms when a
 * unit changes helper, and the exact check-and-commit of a move (kept only if every touched
 * route stays feasible and the objective falls; else rolled back).
 */
import { EPS } from './plan-state.ts';
import { eligible } from './instance.ts';
import { LocalSearch } from './local-search.ts';

export class RouteGeometry extends LocalSearch {
  /** Improving moves applied, and moves whose estimate passed but the exact check refused. */
  lsMoves = 0;
  lsRefused = 0;
  protected lsScalars = [0, 0, 0, 0, 0];
  /** Bumped whenever a route's sequence is recomputed: it keys the SWAP* caches. */
  protected rVer: Int32Array;
  protected cumLoad: number[][] = [];
  protected cumVer: Int32Array;
  protected capacitated: boolean;

  constructor(...args: ConstructorParameters<typeof LocalSearch>) {
    super(...args);
    this.rVer = new Int32Array(this.I.nRoutes);
    this.cumVer = new Int32Array(this.I.nRoutes).fill(-1);
    this.capacitated = false;
    for (let r = 0; r < this.I.nRoutes; r++) if (Number.isFinite(this.I.rCap[r])) this.capacitated = true;
  }

  override updateRoute(r: number): void {
    super.updateRoute(r);
    if (this.rVer) this.rVer[r]++;
  }

  // ---------- route geometry ----------
  /** Departure time from the stop before position i (the route's start for i = 0). */
  protected depAt(r: number, i: number): number {
    return i === 0 ? this.I.rStart[r] : this.rE[r][i - 1] + this.I.uDur[this.routes[r][i - 1]];
  }
  protected locBefore(r: number, i: number): number {
    return i === 0 ? this.I.rStartLoc[r] : this.I.uLoc[this.routes[r][i - 1]];
  }
  /** Location of the stop at position i (the route's end for i = length). */
  protected locAt(r: number, i: number): number {
    const seq = this.routes[r];
    return i < seq.length ? this.I.uLoc[seq[i]] : this.I.rEndLoc[r];
  }
  /** Latest start of the stop at position i (the shift end for i = length). */
  protected latestAt(r: number, i: number): number {
    return i < this.routes[r].length ? this.rLt[r][i] : this.I.rEnd[r];
  }
  protected tt(a: number, b: number): number {
    return this.I.tm[a * this.I.nLoc + b];
  }

  /** Whether unit x fits between a departure (dep at location pl) and a stop at nl due by ln. */
  protected fits(x: number, dep: number, pl: number, nl: number, ln: number): boolean {
    const I = this.I;
    const arr = dep + this.tt(pl, I.uLoc[x]);
    if (arr > this.curL[x] + EPS) return false;
    const st = arr > this.curE[x] ? arr : this.curE[x];
    return st + I.uDur[x] + this.tt(I.uLoc[x], nl) <= ln + EPS;
  }

  /** Cumulative load of route r up to and including each position (2-opt* on capacitated routes). */
  protected loads(r: number): number[] {
    if (this.cumVer[r] !== this.rVer[r]) {
      const seq = this.routes[r];
      if (!this.cumLoad[r]) this.cumLoad[r] = [];
      const c = this.cumLoad[r];
      c.length = seq.length;
      let s = 0;
      for (let i = 0; i < seq.length; i++) {
        s += this.I.uDem[seq[i]];
        c[i] = s;
      }
      this.cumVer[r] = this.rVer[r];
    }
    return this.cumLoad[r];
  }

  // ---------- continuity estimate ----------
  /** Estimated change of the non-travel terms when unit x leaves helper `from` for helper `to`. */
  protected contMove(x: number, from: number, to: number): number {
    if (from === to) return 0;
    const I = this.I;
    const rec = I.uRec[x];
    const k = rec * I.nStaff + from;
    let c = I.visitCost[k];
    if (this.cnt[k] === 1) c += I.pairCost[k] + I.distinctStep[this.nDist[rec] - 1];
    c = c * this.contLambda + this.changeCost(x, from);
    if (I.weights.balance > 0 && I.staffAvail[from] > 0) {
      const d = I.uDur[x];
      c += (I.weights.balance * d * (2 * (this.work[from] - d) + d)) / I.staffAvail[from];
    }
    return this.contDelta(x, to) - c;
  }

  /** Applies `apply` (which moves `moved` units), keeps it if the plan stays feasible and cheaper. */
  protected commit(apply: () => void, moved: number[]): boolean {
    const before = this.cost();
    this.saveScalars(this.lsScalars);
    this.beginIteration();
    apply();
    let ok = this.cost() < before - 1e-7;
    if (ok) for (const r of this.touched) if (!this.routeFeasible(r)) ok = false;
    if (ok) for (const x of moved) if (!this.staffOk(x)) ok = false;
    if (ok) {
      this.lsMoves++;
      return true;
    }
    this.lsRefused++;
    this.rollback(this.lsScalars);
    return false;
  }

  /** Every stop of route r starts by its latest start, and the load fits. */
  protected routeFeasible(r: number): boolean {
    const E = this.rE[r];
    const Lt = this.rLt[r];
    for (let i = 0; i < this.routes[r].length; i++) if (E[i] > Lt[i] + EPS) return false;
    return this.rLoad[r] <= this.I.rCap[r] + EPS;
  }

  /** Unit x's helper may serve it: qualified, not the helper of its twin unit, not its partner visit's helper when they must differ. */
  protected staffOk(x: number): boolean {
    const I = this.I;
    const r = this.uRoute[x];
    if (!eligible(I, x, r)) return false;
    const s = I.rStaff[r];
    const v = I.uVisit[x];
    for (const y of I.vUnits[v]) if (y !== x && this.uRoute[y] >= 0 && I.rStaff[this.uRoute[y]] === s) return false;
    if (I.vDepDistinct[v])
      for (const y of I.vUnits[I.vDep[v]]) if (this.uRoute[y] >= 0 && I.rStaff[this.uRoute[y]] === s) return false;
    return true;
  }

  /** Moves unit x from its route to route b at position pos (positions of b as it is now). */
  protected moveUnit(x: number, b: number, pos: number): void {
    const I = this.I;
    const a = this.uRoute[x];
    this.touch(a);
    this.touch(b);
    this.removeStats(x, I.rStaff[a]);
    this.routes[a].splice(this.uPos[x], 1);
    this.routes[b].splice(pos, 0, x);
    this.uRoute[x] = b;
    this.addStats(x, I.rStaff[b]);
  }
}
