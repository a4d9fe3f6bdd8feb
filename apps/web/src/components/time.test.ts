import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDay, formatTime } from './time.ts';

describe('one way to write a date', () => {
  it('writes a calendar date the same way whether it came as a day or an instant', () => {
    expect(formatDate('2026-12-09', 'nb-NO')).toBe('9. des. 2026');
    // 23:30 UTC on 8 December is already 9 December in Oslo.
    expect(formatDate('2026-12-08T23:30:00Z', 'nb-NO')).toBe('9. des. 2026');
    expect(formatDate('2026-12-09', 'en-GB')).toBe('9 Dec 2026');
  });

  it('gives days with their weekday and instants in Oslo time', () => {
    expect(formatDay('2026-12-09', 'long', 'nb-NO')).toBe('onsdag 9. desember');
    expect(formatDay('2026-12-09', 'short', 'en-GB')).toBe('Wed 9 Dec');
    expect(formatTime('2026-12-09T13:05:00Z', 'nb-NO')).toBe('14:05');
    expect(formatDateTime('2026-12-09T13:05:00Z', 'nb-NO')).toBe('9. des. 2026, 14:05');
  });
});

/** Every source file of the web app, tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

describe('dates are written by time.ts alone', () => {
  it('no page formats a date or time by itself', () => {
    const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const own = sources(src).filter((f) => {
      if (f.endsWith(path.join('components', 'time.ts'))) return false;
      const text = readFileSync(f, 'utf8');
      return /toLocaleDateString|toLocaleTimeString|DateTimeFormat|toLocaleString\(locale\(\)\)/.test(text);
    });
    expect(own.map((f) => path.relative(src, f))).toEqual([]);
  });
});
