import { readFileSync } from 'node:fs';
import type { Problem } from '../model.ts';
import { readProblem } from '../readers.ts';

export function loadProblem(file: string, format?: string): Problem {
  const text = readFileSync(file, 'utf8');
  if (format !== undefined && format !== 'solomon' && format !== 'json') throw new Error(`--format: expected "solomon" or "json", got "${format}"`);
  try {
    return readProblem(text, { filename: file, format: format as 'solomon' | 'json' | undefined });
  } catch (e) {
    throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function numberArg(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (!Number.isFinite(x) || value.trim() === '') throw new Error(`${name}: not a number: "${value}"`);
  return x;
}
