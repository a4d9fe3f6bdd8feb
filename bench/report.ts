import { mkdirSync, writeFileSync } from 'node:fs';

/** Percentile by nearest rank over a sorted copy. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Prints a table and writes the figures to bench-results/<name>.json. */
export function report(name: string, rows: Record<string, string | number>[], figures: Record<string, unknown>) {
  console.table(rows);
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(
    `bench-results/${name}.json`,
    `${JSON.stringify({ ...figures, measuredAt: new Date().toISOString() }, null, 2)}\n`,
  );
  console.log(`figures written to bench-results/${name}.json`);
}
