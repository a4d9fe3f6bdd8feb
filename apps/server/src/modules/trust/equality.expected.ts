/** The equal-treatment figures of the hand-made district in test/assessed.ts, worked out by hand. */
const hidden = { people: null, meanHours: null, medianHours: null };

export const expectedEqualTreatment = [
  {
    teamName: 'Nord',
    bands: [
      { band: 'little', ...hidden },
      // (3 + 3 + 3 + 4 + 7) / 5 = 4; the median of 3, 3, 3, 4, 7 is 3.
      { band: 'moderate', people: 5, meanHours: 4, medianHours: 3 },
      { band: 'extensive', ...hidden },
      // Two people without an assessment: under five, hidden.
      { band: 'unassessed', ...hidden },
    ],
  },
  {
    teamName: 'Vest',
    bands: [
      { band: 'little', people: 6, meanHours: 2, medianHours: 2 },
      { band: 'moderate', ...hidden },
      { band: 'extensive', ...hidden },
      { band: 'unassessed', ...hidden },
    ],
  },
  // Four people in «extensive»: the whole team's figure is hidden.
  { teamName: 'Sør', bands: ['little', 'moderate', 'extensive', 'unassessed'].map((band) => ({ band, ...hidden })) },
];
