import type { PlanChange } from '@tillit/contracts';

export type { PlanChange };

/**
 * The changes as the helper reads them: one line per visit and kind of change, however often it
 * was published (a plan published twice notifies twice), in date and time order. Each line
 * keeps the ids of all the notices it stands for, so marking it seen marks them all.
 */
export function dedupeChanges(changes: PlanChange[]): (PlanChange & { ids: string[] })[] {
  const lines = new Map<string, PlanChange & { ids: string[] }>();
  for (const c of changes) {
    const key = [c.kind, c.date, c.plannedStart ?? c.windowStart, c.person ?? ''].join('|');
    const line = lines.get(key);
    if (line) line.ids.push(c.id);
    else lines.set(key, { ...c, ids: [c.id] });
  }
  return [...lines.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.plannedStart ?? a.windowStart) - (b.plannedStart ?? b.windowStart),
  );
}
