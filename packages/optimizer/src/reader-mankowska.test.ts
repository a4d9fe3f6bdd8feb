import { describe, expect, it } from 'vitest';
import { checkSolution } from './checker.ts';
import type { Solution } from './model.ts';
import { InputError, readProblem } from './readers.ts';
import { parseMankowska } from './reader-mankowska.ts';
import { hhcrspText } from './test/fixtures.ts';

/** The text of instance 10_1 with one line replaced (1-based line number). */
function withLine(line: number, text: string) {
  const lines = hhcrspText('10_1').split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
}
const lineOf = (keyword: string) => hhcrspText('10_1').split('\n').indexOf(keyword) + 1;

describe('Mankowska (HHCRSP) reader', () => {
  it('reads instance 10_1: caregivers, services, double services as dependencies', () => {
    const p = readProblem(hhcrspText('10_1'), { filename: 'data/InstanzCPLEX_HCSRP_10_1.txt' });
    expect(p.kind).toBe('mankowska');
    expect(p.name).toBe('InstanzCPLEX_HCSRP_10_1');
    expect(p.staff.map((s) => s.skills)).toEqual([
      ['s1', 's2', 's3'],
      ['s5', 's6'],
      ['s4', 's5', 's6'],
    ]);
    expect(p.recipients.length).toBe(10);
    expect(p.visits.length).toBe(13); // 7 single + 3 double services
    expect(p.visits[0]).toMatchObject({ id: '1-s4', earliest: 345, latest: 465, duration: 14, skills: ['s4'] });
    expect(p.dependencies).toEqual([
      { first: '8-s5', second: '8-s6', minGap: 0, maxGap: 0, distinctStaff: true },
      { first: '9-s1', second: '9-s4', minGap: 51, maxGap: 102, distinctStaff: true },
      { first: '10-s3', second: '10-s6', minGap: 8, maxGap: 16, distinctStaff: true },
    ]);
    expect(p.objective).toEqual({ travel: 1 / 3, tardiness: 1 / 3, maxTardiness: 1 / 3 });
  });

  it('rejects broken files and names the line', () => {
    const r = lineOf('r');
    expect(() => parseMankowska(withLine(r + 2, '0 0 0 1 x 0'))).toThrow(
      new RegExp(`mankowska line ${r + 2}: malformed number "x"`),
    );
    expect(() => parseMankowska(withLine(r + 2, '0 0 0 1 2 0'))).toThrow(
      new RegExp(`mankowska line ${r + 2}: "r" values must be 0 or 1`),
    );
    // patient node 1 asks for two services without being a double-service patient
    expect(() => parseMankowska(withLine(r + 2, '0 0 0 1 1 0'))).toThrow(
      new RegExp(`mankowska line ${r + 2}: patient node 1 \\(DS number 2\\) needs 2 services in "r", expected 1`),
    );
    const ds = lineOf('DS');
    expect(() => parseMankowska(withLine(ds + 1, '11 10 3'))).toThrow(
      /patient node 2 \(DS number 3\) needs 1 services in "r", expected 2/,
    );
    expect(() => parseMankowska(withLine(ds + 1, '11 10 99'))).toThrow(
      new RegExp(`mankowska line ${ds + 1}: DS names node 99`),
    );
    const e = lineOf('e');
    expect(() => parseMankowska(withLine(e + 1, '0 345 268'))).toThrow(
      new RegExp(`mankowska line ${e + 1}: section "e" has 3 values, expected 12`),
    );
    expect(() => parseMankowska(withLine(lineOf('mind'), 'minimum'))).toThrow(
      new RegExp(`mankowska line ${lineOf('mind')}: unknown section "minimum"`),
    );
    expect(() => parseMankowska('nbNodes\n12\n')).toThrow(/no "nbVehi" section/);
    expect(() => parseMankowska(withLine(lineOf('nbVehi') + 1, '2.5'))).toThrow(InputError);
  });

  it('checks gaps, different caregivers and tardiness, and reports the objective', () => {
    const p = readProblem(hhcrspText('10_1'), { format: 'mankowska' });
    // the published BRKGA plan of 10_1 (cost 226.978, no tardiness), by start times
    const route = (staff: string, stops: [string, number][]) => ({
      staff,
      day: 0,
      stops: stops.map(([visit, start]) => ({ visit, start })),
    });
    const plan: Solution = {
      format: 'tillit-solution/1',
      problem: p.name,
      unassigned: [],
      routes: [
        route('1', [
          ['10-s3', 148],
          ['3-s2', 247],
          ['5-s3', 314.16],
          ['9-s1', 356.1],
          ['7-s3', 434],
        ]),
        route('2', [
          ['8-s5', 46],
          ['2-s5', 268],
        ]),
        route('3', [
          ['8-s6', 46],
          ['10-s6', 159.17],
          ['6-s5', 224.1],
          ['1-s4', 345],
          ['9-s4', 416.5],
          ['4-s4', 459],
        ]),
      ],
    };
    const ok = checkSolution(p, plan);
    expect(ok.errors).toEqual([]);
    expect(ok.figures.objective).toBeCloseTo(226.978, 2);
    expect(ok.figures.tardiness).toEqual({ total: 0, max: 0 });
    // the second service of node 9 too early, and node 8's double service by one caregiver
    const bad = structuredClone(plan);
    bad.routes[2].stops[4].start = 400; // 9-s4: 43.9 after 9-s1, mind 51
    bad.routes[2].stops.shift(); // 8-s6 moves to caregiver 2, who also does 8-s5
    bad.routes[1].stops.splice(1, 0, { visit: '8-s6', start: 46 });
    bad.routes[1].stops[2].start = 500; // 2-s5 late: 112 min after l = 388
    const res = checkSolution(p, bad);
    const text = res.errors.join('\n');
    expect(text).toMatch(/"9-s1" → "9-s4"\): the second starts 43.90 min after the first, allowed \[51, 102\]/);
    expect(text).toMatch(/"8-s5" → "8-s6"\): both done by "2", different helpers required/);
    expect(res.figures.tardiness.max).toBeCloseTo(112, 6);
  });
});
