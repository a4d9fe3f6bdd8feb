/**
 * The linear assignment problem: n rows to n columns, one each, at the lowest total cost
 * (cost[i * n + j], Infinity = not allowed). Shortest augmenting paths with potentials (the
 * Hungarian method as Jonker and Volgenant arrange it), O(n³): a day's swap group of 50 helpers
 * is relabelled optimally in well under a millisecond, where dynamic programming over subsets
 * stops at about a dozen.
 *
 * Returns each row's column, or null when no assignment avoids an Infinity entry.
 */
export function minCostAssignment(cost: Float64Array, n: number): Int32Array | null {
  // a finite stand-in for "not allowed", larger than any sum of allowed entries
  let big = 1;
  for (let k = 0; k < n * n; k++) if (Number.isFinite(cost[k])) big += Math.abs(cost[k]);
  big *= n + 1;
  const at = (i: number, j: number) => {
    const c = cost[i * n + j];
    return Number.isFinite(c) ? c : big;
  };
  // 1-based rows and columns; column 0 is the free root of each augmenting path
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const rowOf = new Int32Array(n + 1); // column -> row (0 = free)
  const way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1);
  const used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    rowOf[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOf[j0];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = at(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[rowOf[j]] += delta;
          v[j] -= delta;
        } else minv[j] -= delta;
      }
      j0 = j1;
    } while (rowOf[j0] !== 0);
    do {
      const j1 = way[j0];
      rowOf[j0] = rowOf[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const col = new Int32Array(n);
  for (let j = 1; j <= n; j++) col[rowOf[j] - 1] = j - 1;
  for (let i = 0; i < n; i++) if (!Number.isFinite(cost[i * n + col[i]])) return null;
  return col;
}
