import { describe, expect, it } from 'vitest';
import { decisionBody, serviceDecisionResponse } from './decisions.ts';

const decision = {
  serviceType: 'hjemmesykepleie',
  hoursPerWeek: 3,
  validFrom: '2026-12-01',
  needsAndWishes: 'Hjelp med medisiner morgen og kveld',
  reasons: 'Trenger hjelp for å bo hjemme',
};

describe('a service decision', () => {
  it('refuses an end before the start, naming validUntil; the same day is allowed', () => {
    const r = decisionBody.safeParse({ ...decision, validUntil: '2026-11-30' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['validUntil']);
    expect(decisionBody.safeParse({ ...decision, validUntil: '2026-12-01' }).success).toBe(true);
    expect(decisionBody.safeParse({ ...decision, validUntil: null }).success).toBe(true);
  });
  it('refuses a service type outside the list', () => {
    expect(decisionBody.safeParse({ ...decision, serviceType: 'matombringing' }).success).toBe(false);
  });
  it('answers its moments as the text JSON would carry, whether the driver gave a Date or text', () => {
    const row = {
      ...decision,
      id: 'd',
      recipientId: 'r',
      teamId: 't',
      validUntil: null,
      legalBasis: '§ 3-2',
      withinFrame: true,
      status: 'active',
      decidedBy: 'u',
      cosignedBy: null,
      cosignedAt: null,
    };
    const at = new Date('2026-12-01T08:00:00.000Z');
    expect(serviceDecisionResponse.parse({ ...row, decidedAt: at }).decidedAt).toBe(JSON.parse(JSON.stringify(at)));
    expect(serviceDecisionResponse.parse({ ...row, decidedAt: '2026-12-01T09:00:00+01:00' }).decidedAt).toBe(
      '2026-12-01T09:00:00+01:00',
    );
  });
});
