import { describe, expect, it } from 'vitest';
import { generateDistrict } from './generator.ts';
import { validateProblem } from './readers.ts';

describe('generateDistrict', () => {
  it('makes a valid, deterministic multi-day district', () => {
    const a = generateDistrict({ people: 30, seed: 4 });
    const b = generateDistrict({ people: 30, seed: 4 });
    expect(a).toEqual(b);
    expect(() => validateProblem(JSON.parse(JSON.stringify(a)))).not.toThrow();
    expect(a.days).toBe(14);
    expect(a.staff.length).toBe(10);
    const kinds = new Set(a.visits.flatMap((v) => v.skills ?? []));
    expect(kinds.has('medication')).toBe(true);
    expect(a.visits.some((v) => v.staff === 2)).toBe(true);
    expect(a.recipients.every((r) => (r.preferred ?? []).length >= 1)).toBe(true);
    // day and evening shifts, and weekend rotation (not everyone works every weekend)
    const starts = new Set(a.staff.flatMap((s) => s.shifts.map((x) => x.start)));
    expect(starts.size).toBeGreaterThanOrEqual(2);
    const saturday = a.staff.filter((s) => s.shifts.some((x) => x.day === 5)).length;
    expect(saturday).toBeGreaterThan(0);
    expect(saturday).toBeLessThan(a.staff.length);
  });

  it('has team rotas staffed to demand: day 07:30–15:00 and evening 15:00–22:00 shifts, part-time positions', () => {
    const p = generateDistrict({ people: 120, seed: 2 });
    const team = p.staff.filter((s) => s.skills.includes('care'));
    const kinds = new Set(team.flatMap((s) => s.shifts.map((x) => `${x.start}-${x.end}`)));
    expect([...kinds].sort()).toEqual(['450-900', '900-1320']);
    // part-time: not everyone works the same number of shifts
    const counts = new Set(team.map((s) => s.shifts.length));
    expect(counts.size).toBeGreaterThan(2);
    // teams are staffed to their demand: the busiest team has the most staff
    const baseOfRecipient = new Map<string, string>();
    for (const r of p.recipients) baseOfRecipient.set(r.id, p.staff.find((s) => s.id === r.preferred![0])!.start);
    const minutes = new Map<string, number>();
    for (const v of p.visits)
      if (!(v.skills ?? []).includes('therapy')) {
        const base = baseOfRecipient.get(v.recipient)!;
        minutes.set(base, (minutes.get(base) ?? 0) + v.duration * (v.staff ?? 1));
      }
    const heads = (base: string) => team.filter((s) => s.start === base).length;
    const bases = [...minutes.keys()].sort((a, b) => minutes.get(a)! - minutes.get(b)!);
    expect(heads(bases[bases.length - 1])).toBeGreaterThan(heads(bases[0]));
    // several teams, each with its own base
    expect(new Set(p.staff.map((s) => s.start)).size).toBe(3);
    // therapists only do therapy; everything else needs a team member
    const therapists = p.staff.filter((s) => s.skills.includes('therapy'));
    expect(therapists.every((s) => !s.skills.includes('care'))).toBe(true);
    expect(p.visits.every((v) => (v.skills ?? []).length > 0)).toBe(true);
    // contacts: the primary contact is a team member with the competence the person's visits need
    const byId = new Map(p.staff.map((s) => [s.id, s]));
    for (const r of p.recipients) {
      const primary = byId.get(r.preferred![0])!;
      const needs = new Set(
        p.visits
          .filter((v) => v.recipient === r.id && !(v.skills ?? []).includes('therapy'))
          .flatMap((v) => v.skills ?? []),
      );
      for (const k of needs) if (k !== 'nurse' && k !== 'wound') expect(primary.skills).toContain(k);
    }
  });
});
