import { describe, expect, it } from 'vitest';
import { dosesOfVisit, type MedRow } from './doses.view.ts';

const med = (over: Partial<MedRow>): MedRow => ({
  id: 'm1',
  drugName: 'Metoprolol',
  strength: '50 mg',
  dose: '1 tablett',
  form: 'tablet',
  route: 'oral',
  times: [480],
  asNeeded: false,
  maxPer24h: null,
  atcCode: 'C07AB02',
  highRisk: false,
  ...over,
});

describe('the doses of a visit', () => {
  it('takes the times in the window, joins what was recorded, marks high-risk doses waiting for a second signature', () => {
    const view = dosesOfVisit('v1', {
      recipientId: 'r1',
      date: '2026-12-02',
      windowStart: 480,
      windowEnd: 510,
      status: 'planned',
      meds: [
        med({ times: [480, 1200] }),
        med({ id: 'm2', drugName: 'Insulin', times: [495], atcCode: 'A10AB05' }),
        med({ id: 'm3', drugName: 'Oxynorm', times: [], asNeeded: true, maxPer24h: 3, atcCode: 'N02AA05' }),
      ],
      recorded: [
        {
          id: 'a1',
          medicationId: 'm2',
          minute: 495,
          status: 'given',
          notGivenReason: null,
          givenBy: 'Anna',
          secondBy: null,
          needsSecond: true,
        },
      ],
      prnCounts: { m3: 2 },
      prefixes: null,
    });
    expect(view.doses.map((d) => [d.drugName, d.time, d.status, d.highRisk, d.awaitingSecond])).toEqual([
      ['Metoprolol', 480, null, false, false],
      ['Insulin', 495, 'given', true, true],
    ]);
    expect(view.asNeeded).toEqual([
      { medicationId: 'm3', drugName: 'Oxynorm', strength: '50 mg', dose: '1 tablett', maxPer24h: 3, givenLast24h: 2 },
    ]);
  });

  it('follows the municipality’s own list when it has one', () => {
    const view = dosesOfVisit('v1', {
      recipientId: 'r1',
      date: '2026-12-02',
      windowStart: 480,
      windowEnd: 510,
      status: 'planned',
      meds: [med({ atcCode: 'A10AB05' })],
      recorded: [],
      prnCounts: {},
      prefixes: ['C07'],
    });
    expect(view.doses[0].highRisk).toBe(false);
  });
});
