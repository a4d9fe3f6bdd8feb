/**
 * The expected statistics of the hand-made district in test/assessed.ts (Nord 7, Vest 6, Sør 4
 * people), worked out by hand. Sør (4 people) is hidden whole; wherever Sør alone would be
 * hidden in a sum over the district, the smallest other team's cell is hidden too.
 */
const none = { hjemmesykepleie: null, praktisk_bistand: null, opplaering: null, trygghetsalarm: null };
export const expectedDistrict = {
  people: 17,
  // 6 «little» (Vest), 5 «moderate» (Nord); 4 «extensive» and 2 not assessed are under five.
  bands: { little: 6, moderate: 5, extensive: null, unassessed: null },
  // 5 × (3, 3, 3, 4, 7) + 6 × 2 + 4 × 10 = 72 hours for 15 people; practical help: 2 people.
  hoursPerWeek: { ...none, hjemmesykepleie: 72 },
  newAssessments: 15,
};
export const expectedNord = {
  people: 7,
  bands: { little: null, moderate: 5, extensive: null, unassessed: null },
  // 20 hours for 5 people, but district 72 − Vest 12 − Nord 20 would give Sør's 40: Nord's is hidden too.
  hoursPerWeek: none,
  // Likewise 15 − 6 − 5 would give Sør's 4.
  newAssessments: null,
};
export const expectedVest = {
  // 17 − 7 − 6 would give Sør's 4: Vest (the smaller of the two) is hidden too.
  people: null,
  bands: { little: 6, moderate: null, extensive: null, unassessed: null },
  hoursPerWeek: { ...none, hjemmesykepleie: 12 },
  newAssessments: 6,
};
export const expectedSor = {
  people: null,
  bands: { little: null, moderate: null, extensive: null, unassessed: null },
  hoursPerWeek: none,
  newAssessments: null,
};
