/**
 * Construction of the first home-care plan. Continuity-first: visits that recur (same
 * person, window, duration, skills) form a series that is given whole to the helper who
 * can take most of its days, so the plan starts with few faces per person instead of
 * having to discover them one visit at a time.
 */
import type { BaselineSeed } from './baseline.ts';
import { Insertion } from './insertion.ts';
import { eligible } from './instance.ts';

export class Construction extends Insertion {
  /**
   * Continuity-first construction: visits that recur (same person, window, duration, skills)
   * form a series; each series is given to the helper who can take most of its days at the
   * lowest cost, then the rest to a second helper, and so on.
   */
  protected constructBySeries(): void {
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
      if (this.pastDeadline()) break;
      // two-helper and dependent visits keep their start pinned: insertVisit places them
      if (I.vLinked[vs[0]]) {
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
            if (r < 0 || !eligible(I, u, r)) continue;
            const d = this.bestPos(u, r, false);
            if (d === Infinity) continue;
            count++;
            cost += d;
          }
          if (count === 0) continue;
          const k = I.uRec[I.vUnits[remaining[0]][0]] * S + st;
          const contC = this.cnt[k] > 0 ? 0 : I.pairCost[k] + W;
          // Travel per covered day, scaled to the whole series: a helper who takes more days
          // is not charged more travel for it; uncovered days will need another face.
          // The person's preferred helpers (primary contact first) get a head start.
          const score =
            (cost / count) * remaining.length +
            contC +
            I.visitCost[k] * count +
            (remaining.length - count) * W * 0.5 -
            I.prefBonus[k];
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
          if (r >= 0 && eligible(I, u, r) && this.bestPos(u, r, false) !== Infinity) {
            this.insertUnit(u, r, this.bPos);
            this.markAssigned(v);
          } else next.push(v);
        }
        remaining = next;
      }
      for (const v of remaining) this.insertVisit(v, false);
    }
  }

  /**
   * Puts a baseline plan back where it still fits (re-planning): first its two-helper visits
   * with the same two helpers (the most constrained), then every other visit in its
   * baseline route at the cheapest feasible position. The rest is left for the construction.
   */
  protected seedBaseline(seed: BaselineSeed): void {
    const I = this.I;
    for (let k = 0; k < seed.pairs.length; k += 3) {
      const v = seed.pairs[k];
      const u = I.vUnits[v][0];
      const a = seed.pairs[k + 1];
      const b = seed.pairs[k + 2];
      if (this.vAssigned[v] || !eligible(I, u, a) || !eligible(I, u, b)) continue;
      // insertVisit chooses among a unit's eligible routes: offer only the two baseline routes
      const saved = I.uRoutes[u];
      I.uRoutes[u] = a < b ? Int32Array.of(a, b) : Int32Array.of(b, a); // ascending, as eligible() expects
      this.insertVisit(v, false);
      I.uRoutes[u] = saved;
    }
    for (let r = 0; r < I.nRoutes; r++) {
      for (const u of seed.routes[r]) {
        const v = I.uVisit[u];
        if (this.vAssigned[v] || I.vLinked[v] || !eligible(I, u, r)) continue;
        if (this.bestPos(u, r, false) === Infinity) continue;
        this.insertUnit(u, r, this.bPos);
        this.markAssigned(v);
      }
    }
  }
}
