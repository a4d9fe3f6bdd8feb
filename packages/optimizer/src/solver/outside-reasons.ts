/**
 * Why each visit done outside its person's helper set is there (solution.outsideSet), read
 * off the plan the search returned.
 */
import type { OutsideReason } from '../model.ts';
import { eligible } from './instance.ts';
import { RouteMoves } from './route-moves.ts';

export class OutsideReasons extends RouteMoves {
  /**
   * Why each visit done outside its person's helper set is there (visit index -> reason), on
   * the plan the search returned: no helper of the set on duty that day, none of them
   * qualified or able to reach it in its window, a two-helper visit with fewer than two of the
   * set on duty, no room in the set's routes at that time, or less travel outside the set.
   */
  explainOutside(): Map<number, OutsideReason> {
    const I = this.I;
    const out = new Map<number, OutsideReason>();
    for (let v = 0; v < I.nVisits; v++) {
      const units = I.vUnits[v];
      const set = I.recSet[I.uRec[units[0]]];
      if (set.length === 0 || !this.vAssigned[v]) continue;
      if (units.every((u) => set.indexOf(I.rStaff[this.uRoute[u]]) >= 0)) continue;
      out.set(v, this.outsideReason(v, set));
    }
    return out;
  }

  /** The reason for one visit done outside its person's set (explainOutside). */
  protected outsideReason(v: number, set: Int32Array): OutsideReason {
    const I = this.I;
    const days = I.problem.days;
    const units = I.vUnits[v];
    const u = units[0];
    const day = I.uDay[u];
    const hhmm = (t: number) =>
      `${String(Math.floor(t / 60) % 24).padStart(2, '0')}:${String(Math.round(t % 60)).padStart(2, '0')}`;
    const onDuty = [...set].filter((s) => this.routeOf[s * days + day] >= 0);
    const able = onDuty.filter((s) => eligible(I, u, this.routeOf[s * days + day]));
    if (onDuty.length === 0) return { code: 'off_duty', day, text: `no helper of the set works on day ${day}` };
    if (able.length === 0) {
      const skills = I.problem.visits[v].skills ?? [];
      return {
        code: 'not_qualified',
        day,
        skills,
        text: `no helper of the set on duty that day has ${skills.length ? `the skills [${skills.join(', ')}]` : 'a shift that reaches it'} in its window`,
      };
    }
    if (units.length > 1 && able.length < 2)
      return {
        code: 'two_helpers',
        day,
        able: able.length,
        text: `needs two helpers at once; only ${able.length} of the set can do it that day`,
      };
    // room in a set member's route that day (the visit's own place taken out of the reckoning)
    let cheapest = Infinity;
    const here = this.routeCostOf(u);
    for (const s of able) {
      const r = this.routeOf[s * days + day];
      if (this.uRoute[u] === r) continue;
      const d = this.bestPos(u, r, false);
      if (d < cheapest) cheapest = d;
    }
    if (cheapest === Infinity)
      return {
        code: 'no_room',
        day,
        from: I.uE[u],
        to: I.uDue[u],
        text: `the set's routes have no room for it between ${hhmm(I.uE[u])} and ${hhmm(I.uDue[u])}`,
      };
    const minutes = Math.round(Math.max(0, cheapest - here));
    return {
      code: 'less_travel',
      day,
      minutes,
      text: `less travel outside the set (a helper of the set would add ${minutes} more travel-minutes)`,
    };
  }

  /** Travel-weighted cost that unit u adds where it is (its detour). */
  protected routeCostOf(u: number): number {
    const I = this.I;
    const r = this.uRoute[u];
    const seq = this.routes[r];
    const i = this.uPos[u];
    const prev = i > 0 ? I.uLoc[seq[i - 1]] : I.rStartLoc[r];
    const next = i < seq.length - 1 ? I.uLoc[seq[i + 1]] : I.rEndLoc[r];
    const N = I.nLoc;
    return I.weights.travel * (I.tm[prev * N + I.uLoc[u]] + I.tm[I.uLoc[u] * N + next] - I.tm[prev * N + next]);
  }
}
