import { describe, expect, it } from 'vitest';
import { decisionToFirstVisit, type RequestWaitRow, requestToDecision, waitingTime } from './requests.indicators.ts';

// Hand-made requests of one team; the waits are written beside each, in Oslo calendar days.
const row = (
  arrivedOn: string,
  decidedOn: string | null = null,
  firstVisitOn: string | null = null,
  startOn: string | null = decidedOn,
  decisionId: string | null = decidedOn ? `d-${arrivedOn}-${decidedOn}` : null,
): RequestWaitRow => ({ arrivedOn, decisionId, decidedOn, startOn, firstVisitOn });

const november: RequestWaitRow[] = [
  row('2026-11-02', '2026-11-04', '2026-11-05'), // 2 days to the decision, 1 day to the visit
  row('2026-11-02', '2026-11-09', '2026-11-09'), // 7, 0 (visited the same day)
  row('2026-11-03', '2026-11-13', '2026-11-16'), // 10, 3
  row('2026-10-20', '2026-11-16', '2026-11-26'), // 27 (over the 21-day norm), 10 (over the 7-day norm)
  row('2026-11-05', '2026-11-10', null), // 5; decided but no visit yet: waiting since 10 Nov, 20 days at the end → over the norm
  row('2026-11-06', '2026-11-12', '2026-11-20', '2026-11-18'), // 6; the decision starts 18 Nov (after discharge): 2 days
  row('2026-11-25'), // not decided: waiting 5 days at the end of November, within the norm so far → not counted yet
  row('2026-11-01'), // not decided: waiting 29 days at the end → outside the norm already
  row('2026-09-01', '2026-09-10', '2026-09-11'), // decided and visited before November: not in November
  row('2026-12-01'), // arrived after the period: not in it
];
const from = '2026-11-01';
const end = '2026-11-30';

describe('request → decision', () => {
  it('takes the median of the waits that ended in the period and counts a long wait still going as outside the norm', () => {
    // Ended in November: 2, 7, 10, 27, 5, 6 → sorted 2 5 6 7 10 27, median (6 + 7) / 2 = 6.5.
    // Within 21 days: 5 of the 6; still waiting: 2, of which 1 beyond 21 days → 5 of 7 within the norm.
    expect(requestToDecision(november, from, end)).toEqual({
      medianDays: 6.5,
      withinNorm: 5 / 7,
      normDays: 21,
      counted: 6,
      within: 5,
      waiting: 2,
      waitingOverNorm: 1,
      tooFew: false,
    });
  });

  it('counts to the period’s end: on 10 November only the first two had been decided', () => {
    // Ended 1–10 Nov: 2 and 7 (and 5 on the 10th) → 3, under five: too few for a median or a share.
    const r = requestToDecision(november, from, '2026-11-10');
    expect(r).toMatchObject({ counted: 3, medianDays: null, withinNorm: null, tooFew: true });
    // Still waiting on the 10th: 3 Nov (7 days), 20 Oct (21 days, not yet beyond), 6 Nov (4), 1 Nov (9).
    expect(r).toMatchObject({ waiting: 4, waitingOverNorm: 0 });
  });
});

describe('decision → first visit', () => {
  it('counts each decision once from its start, a decision with no visit yet as waiting', () => {
    // Visits in November: 1, 0, 3, 10, 2 → sorted 0 1 2 3 10, median 2; within 7 days: 4.
    // Waiting: the decision of 10 Nov with no visit, 20 days at the end → outside the norm. 4 of 6.
    expect(decisionToFirstVisit(november, from, end)).toEqual({
      medianDays: 2,
      withinNorm: 4 / 6,
      normDays: 7,
      counted: 5,
      within: 4,
      waiting: 1,
      waitingOverNorm: 1,
      tooFew: false,
    });
  });

  it('counts a decision answering two requests once', () => {
    const twice = [
      row('2026-11-02', '2026-11-04', '2026-11-05', '2026-11-04', 'd1'),
      row('2026-11-03', '2026-11-04', '2026-11-05', '2026-11-04', 'd1'),
    ];
    expect(decisionToFirstVisit(twice, from, end)).toMatchObject({ counted: 1, tooFew: true });
    expect(requestToDecision(twice, from, end)).toMatchObject({ counted: 2 });
  });
});

describe('too few to say anything', () => {
  it('shows no median and no share under five, but still says how many waited', () => {
    const few = [
      { startOn: '2026-11-01', endOn: '2026-11-03' },
      { startOn: '2026-11-02', endOn: '2026-11-30' },
    ];
    expect(waitingTime(few, from, end, 21)).toEqual({
      medianDays: null,
      withinNorm: null,
      normDays: 21,
      counted: 2,
      within: 1,
      waiting: 0,
      waitingOverNorm: 0,
      tooFew: true,
    });
  });

  it('gives a share but no median when five wait beyond the norm and none has ended', () => {
    const stuck = Array.from({ length: 5 }, () => ({ startOn: '2026-10-01', endOn: null }));
    expect(waitingTime(stuck, from, end, 21)).toMatchObject({ medianDays: null, withinNorm: 0, waitingOverNorm: 5 });
  });
});
