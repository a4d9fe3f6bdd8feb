/** fast-check arbitraries of small problems, shared by the property-based tests. */
import fc from 'fast-check';
import type { Dependency, Problem, Visit } from '../model.ts';

const SKILLS = ['medication', 'wound', 'therapy'];

/** Small random home-care problems: shifts, skills, pins, two-helper visits, tight windows. */
export const smallProblem: fc.Arbitrary<Problem> = fc
  .record({
    days: fc.integer({ min: 1, max: 3 }),
    locs: fc.array(
      fc.tuple(fc.double({ min: 59.9, max: 59.93, noNaN: true }), fc.double({ min: 10.7, max: 10.8, noNaN: true })),
      { minLength: 2, maxLength: 6 },
    ),
    staff: fc.array(
      fc.record({
        skills: fc.subarray(SKILLS),
        shifts: fc.array(fc.tuple(fc.integer({ min: 360, max: 900 }), fc.integer({ min: 60, max: 600 })), {
          minLength: 3,
          maxLength: 3,
        }),
        off: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    visits: fc.array(
      fc.record({
        rec: fc.nat(),
        day: fc.nat(),
        earliest: fc.integer({ min: 360, max: 1300 }),
        width: fc.integer({ min: 0, max: 240 }),
        duration: fc.integer({ min: 5, max: 90 }),
        skills: fc.subarray(SKILLS, { maxLength: 1 }),
        two: fc.boolean(),
        pin: fc.option(fc.nat(), { nil: undefined }),
        pref: fc.nat(),
      }),
      { minLength: 1, maxLength: 14 },
    ),
  })
  .map(({ days, locs, staff, visits }) => {
    const p: Problem = {
      format: 'tillit-homecare/1',
      name: 'prop',
      days,
      travel: { model: 'haversine', speedKmh: 25, detourFactor: 1.3 },
      locations: locs.map(([lat, lon], i) => ({ id: `l${i}`, lat, lon })),
      staff: staff.map((s, i) => ({
        id: `s${i}`,
        skills: s.skills,
        start: 'l0',
        end: 'l0',
        shifts: s.shifts
          .slice(0, days)
          .flatMap(([start, len], d) => (s.off[d] ? [] : [{ day: d, start, end: start + len }])),
      })),
      recipients: locs
        .slice(1)
        .map((_, i) => ({ id: `r${i}`, location: `l${i + 1}`, preferred: [`s${i % staff.length}`] })),
      visits: [],
    };
    const nRec = locs.length - 1;
    p.visits = visits.map((v, i) => ({
      id: `v${i}`,
      recipient: `r${v.rec % nRec}`,
      day: v.day % days,
      earliest: v.earliest,
      latest: v.earliest + v.width,
      duration: v.duration,
      skills: v.skills,
      staff: v.two ? 2 : 1,
      ...(v.pin !== undefined && !v.two ? { pinned: `s${v.pin % staff.length}` } : {}),
    }));
    return p;
  });

/**
 * Small problems with interdependent visits: two to four helpers with long shifts, a dozen
 * visits, dependencies between random pairs (gaps of −3 h … +5 h; most second visits placed
 * near the gap after the first, so that many pairs can be served, a few left on other days;
 * some asking for different helpers; some two-helper visits among them), soft late windows
 * on some visits, tardiness priced.
 */
export const dependentProblem: fc.Arbitrary<Problem> = fc
  .record({
    days: fc.integer({ min: 1, max: 2 }),
    locs: fc.array(
      fc.tuple(fc.double({ min: 59.9, max: 59.93, noNaN: true }), fc.double({ min: 10.7, max: 10.8, noNaN: true })),
      { minLength: 3, maxLength: 7 },
    ),
    staff: fc.array(
      fc.record({ skills: fc.subarray(SKILLS), start: fc.integer({ min: 360, max: 600 }), off: fc.nat(3) }),
      { minLength: 2, maxLength: 4 },
    ),
    visits: fc.array(
      fc.record({
        rec: fc.nat(),
        day: fc.nat(),
        earliest: fc.integer({ min: 420, max: 1080 }),
        width: fc.integer({ min: 0, max: 120 }),
        duration: fc.integer({ min: 5, max: 60 }),
        skill: fc.option(fc.constantFrom(...SKILLS), { freq: 3, nil: undefined }),
        two: fc.integer({ min: 0, max: 9 }),
        late: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
      }),
      { minLength: 2, maxLength: 12 },
    ),
    pairs: fc.array(
      fc.record({
        a: fc.nat(),
        b: fc.nat(),
        min: fc.integer({ min: -180, max: 300 }),
        width: fc.integer({ min: 0, max: 120 }),
        distinct: fc.boolean(),
        near: fc.integer({ min: 0, max: 9 }),
      }),
      { maxLength: 5 },
    ),
  })
  .map(({ days, locs, staff, visits, pairs }) => {
    const nRec = locs.length - 1;
    const vs: Visit[] = visits.map((v, i) => ({
      id: `v${i}`,
      recipient: `r${v.rec % nRec}`,
      day: v.day % days,
      earliest: v.earliest,
      latest: v.earliest + v.width,
      duration: v.duration,
      skills: v.skill ? [v.skill] : [],
      staff: v.two === 0 ? 2 : 1,
      ...(v.late !== undefined ? { maxLate: v.late } : {}),
    }));
    const used = new Set<number>();
    const dependencies: Dependency[] = [];
    for (const q of pairs) {
      const a = q.a % vs.length;
      const b = q.b % vs.length;
      if (a === b || used.has(a) || used.has(b)) continue;
      used.add(a);
      used.add(b);
      if (q.near > 0) {
        const earliest = Math.max(0, vs[a].earliest + q.min - 20);
        vs[b] = { ...vs[b], day: vs[a].day, earliest, latest: earliest + Math.max(40, vs[b].latest - vs[b].earliest) };
      }
      dependencies.push({
        first: vs[a].id,
        second: vs[b].id,
        minGap: q.min,
        maxGap: q.min + q.width,
        ...(q.distinct ? { distinctStaff: true } : {}),
      });
    }
    const p: Problem = {
      format: 'tillit-homecare/1',
      name: 'prop-dep',
      days,
      travel: { model: 'haversine', speedKmh: 25, detourFactor: 1.3 },
      locations: locs.map(([lat, lon], i) => ({ id: `l${i}`, lat, lon })),
      staff: staff.map((s, i) => ({
        id: `s${i}`,
        skills: s.skills,
        start: 'l0',
        end: 'l0',
        shifts: Array.from({ length: days }, (_, d) => d)
          .filter((d) => d !== s.off)
          .map((d) => ({ day: d, start: s.start, end: s.start + 840 })),
      })),
      recipients: locs.slice(1).map((_, i) => ({ id: `r${i}`, location: `l${i + 1}` })),
      visits: vs,
      dependencies,
      objective: { tardiness: 2, maxTardiness: 1 },
    };
    return p;
  });
