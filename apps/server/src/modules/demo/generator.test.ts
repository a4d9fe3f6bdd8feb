import { describe, expect, it } from 'vitest';
import { validateNationalId } from '@tillit/contracts';
import { DEMO, FULL, generateDistrict } from './generator.ts';

describe('generateDistrict', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateDistrict(DEMO, 7)).toEqual(generateDistrict(DEMO, 7));
    expect(generateDistrict(DEMO, 7).recipients[0]).not.toEqual(generateDistrict(DEMO, 8).recipients[0]);
  });

  it('makes the demo district: 4 teams of 23–25 staff (eleven of them peak helpers), 250 people with valid synthetic numbers', () => {
    const d = generateDistrict(DEMO);
    expect(d.teams).toHaveLength(4);
    for (const t of d.teams) {
      const n = d.memberships.filter((m) => m.teamId === t.id).length;
      expect(n).toBeGreaterThanOrEqual(23);
      expect(n).toBeLessThanOrEqual(25);
    }
    expect(d.recipients).toHaveLength(250);
    for (const p of d.recipients) {
      const v = validateNationalId(p.nationalId);
      expect(v).toMatchObject({ ok: true, synthetic: true, birthDate: p.birthDate });
      expect(p.lat).toBeGreaterThan(59.8);
      expect(p.lat).toBeLessThan(60.0);
      expect(p.lon).toBeGreaterThan(10.6);
      expect(p.lon).toBeLessThan(10.9);
    }
    expect(new Set(d.recipients.map((p) => p.nationalId)).size).toBe(250);
    expect(d.users.map((u) => u.username)).toEqual(
      expect.arrayContaining(['sykepleier', 'helsefag', 'leder', 'admin']),
    );
    expect(new Set(d.users.map((u) => u.username)).size).toBe(d.users.length);
  });

  it('makes the full-size district: 8 teams, 120 team staff and 88 peak helpers, 600 people', () => {
    const d = generateDistrict(FULL);
    expect(d.teams).toHaveLength(8);
    expect(d.memberships).toHaveLength(120 + 8 * 11);
    expect(d.recipients).toHaveLength(600);
  });
});
