import { describe, expect, it } from 'vitest';
import { InputError, parseProblemJson, parseSolomon, parseSolutionJson, readProblem } from './readers.ts';
import { exampleProblemText, solomonText } from './test/fixtures.ts';

const base = () => JSON.parse(exampleProblemText());

function rejects(mutate: (p: any) => void, message: RegExp) {
  const p = base();
  mutate(p);
  expect(() => parseProblemJson(JSON.stringify(p))).toThrow(InputError);
  expect(() => parseProblemJson(JSON.stringify(p))).toThrow(message);
}

describe('tillit-homecare/1 reader', () => {
  it('reads the example', () => {
    const p = parseProblemJson(exampleProblemText());
    expect(p.visits.length).toBe(41);
    expect(p.staff.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
  });
  it('rejects bad JSON', () => {
    expect(() => parseProblemJson('{"format": ')).toThrow(/not valid JSON/);
  });
  it('rejects a wrong format tag', () => rejects((p) => (p.format = 'x'), /problem.format/));
  it('rejects unknown ids and names the place', () => {
    rejects((p) => (p.visits[2].recipient = 'nobody'), /visits\[2\] \("v3"\)\.recipient: unknown recipient "nobody"/);
    rejects((p) => (p.visits[0].pinned = 's9'), /visits\[0\] \("v1"\)\.pinned: unknown staff "s9"/);
    rejects(
      (p) => (p.recipients[2].preferred = ['zz']),
      /recipients\[2\] \("r3"\)\.preferred\[0\]: unknown staff "zz"/,
    );
    rejects(
      (p) => (p.recipients[0].location = 'nowhere'),
      /recipients\[0\] \("r1"\)\.location: unknown location "nowhere"/,
    );
    rejects((p) => (p.staff[0].start = 'x'), /staff\[0\] \("s1"\)\.start: unknown location "x"/);
  });
  it('rejects a window that ends before it starts', () => {
    rejects(
      (p) => (p.visits[4].latest = p.visits[4].earliest - 1),
      /visits\[4\] \("v5"\): window ends .* before it starts/,
    );
    rejects((p) => (p.staff[0].shifts[1].end = 100), /staff\[0\] \("s1"\)\.shifts\[1\]: shift ends/);
  });
  it('rejects malformed numbers', () => {
    rejects((p) => (p.visits[1].duration = '30'), /visits\[1\] \("v2"\)\.duration: expected a number/);
    rejects((p) => (p.locations[3].lat = 'north'), /locations\[3\] \("loc-r3"\)\.lat: expected a number/);
    rejects((p) => (p.days = 2.5), /problem.days: expected an integer/);
    rejects((p) => (p.visits[0].day = 99), /visits\[0\] \("v1"\)\.day: 99 is outside the horizon/);
  });
  it('rejects duplicate ids and two shifts a day', () => {
    rejects((p) => (p.visits[1].id = 'v1'), /visits\[1\]: duplicate id "v1"/);
    rejects((p) => p.staff[0].shifts.push({ day: 0, start: 1000, end: 1100 }), /second shift on day 0/);
  });
  it('validates matrix travel dimensions', () => {
    rejects((p) => (p.travel = { model: 'matrix', minutes: [[0]] }), /travel.minutes: 1 rows for 9 locations/);
  });
});

describe('Solomon reader', () => {
  it('reads C101', () => {
    const p = readProblem(solomonText('C101'), { filename: 'data/C101.txt' });
    expect(p.kind).toBe('solomon');
    expect(p.name).toBe('C101');
    expect(p.visits.length).toBe(100);
    expect(p.staff.length).toBe(25);
    expect(p.staff[0].capacity).toBe(200);
    expect(p.staff[0].shifts).toEqual([{ day: 0, start: 0, end: 1236 }]);
    expect(p.visits[0]).toMatchObject({ id: '1', earliest: 912, latest: 967, duration: 90, demand: 10 });
  });
  it('rejects malformed numbers with the line', () => {
    const text = solomonText('C101').replace('   912 ', '   9l2 ');
    expect(() => parseSolomon(text)).toThrow(/line 11: malformed number "9l2" for ready time/);
  });
  it('rejects a window ending before it starts, and short rows', () => {
    const lines = solomonText('R101').split('\n');
    const i = lines.findIndex((l) => /^\s+5\s/.test(l));
    const bad = [...lines];
    bad[i] = '    5      15         30          26         200         100        10';
    expect(() => parseSolomon(bad.join('\n'))).toThrow(new RegExp(`line ${i + 1} \\(customer 5\\): window ends`));
    bad[i] = '    5      15         30';
    expect(() => parseSolomon(bad.join('\n'))).toThrow(/expected 7 numbers/);
  });
  it('rejects files without sections', () => {
    expect(() => parseSolomon('hello')).toThrow(/no VEHICLE section/);
  });
  it('uses the format flag', () => {
    expect(readProblem(solomonText('C101'), { format: 'solomon' }).kind).toBe('solomon');
  });
});

describe('solution reader', () => {
  it('rejects malformed plans', () => {
    expect(() =>
      parseSolutionJson(
        '{"format":"tillit-solution/1","routes":[{"staff":"s1","day":0,"stops":[{"visit":"v1","start":"x"}]}]}',
      ),
    ).toThrow(/routes\[0\]\.stops\[0\]\.start: expected a number/);
    expect(() => parseSolutionJson('[]')).toThrow(/expected a JSON object/);
  });
});
