import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { packageDir } from '../test/fixtures.ts';
import { run as check } from './check.ts';
import { run as solve } from './solve.ts';

describe('CLI', () => {
  it('solves and checks the example', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tillit-'));
    const out = path.join(dir, 's.json');
    const problem = path.join(packageDir, 'formats', 'example-problem.json');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await solve([problem, '--iterations', '300', '--threads', '1', '--seed', '2', '--out', out])).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('tillit-solution/1');
      expect(await check([problem, out])).toBe(0);
      // re-plan from that plan as baseline
      const out2 = path.join(dir, 's2.json');
      expect(
        await solve([
          problem,
          '--iterations',
          '200',
          '--threads',
          '1',
          '--baseline',
          out,
          '--change-weight',
          '30',
          '--out',
          out2,
        ]),
      ).toBe(0);
      expect(await check([problem, out2])).toBe(0);
      const printed = log.mock.calls.map((c) => c.join(' ')).join('\n');
      expect(printed).toMatch(/feasible\s+yes/);
      expect(printed).toMatch(/distinct helpers\s+mean/);
      expect(printed).toMatch(/COC/);
      expect(printed).toMatch(/preferred share/);
      expect(await solve([problem, '--time-limit', 'abc'])).toBe(2);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });

  it('solves and checks a Mankowska (HHCRSP) instance with --format mankowska', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tillit-'));
    const out = path.join(dir, 'h.json');
    const problem = path.join(packageDir, 'data', 'hhcrsp', 'InstanzCPLEX_HCSRP_10_2.txt');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const args = [problem, '--format', 'mankowska', '--iterations', '500', '--threads', '1', '--out', out];
      expect(await solve(args)).toBe(0);
      expect(await check([problem, out, '--format', 'mankowska'])).toBe(0);
      const printed = log.mock.calls.map((c) => c.join(' ')).join('\n');
      expect(printed).toMatch(/tardiness\s+total/);
      expect(printed).toMatch(/objective\s+\d/);
      await expect(solve([problem, '--format', 'cplex'])).rejects.toThrow(/--format: expected/);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
  });
});
