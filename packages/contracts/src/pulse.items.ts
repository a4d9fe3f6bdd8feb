/**
 * The staff pulse: experienced trust, autonomy, meaning and being heard, and Bentzen's five
 * barriers to trust-based management. Barrier items are worded so that agreeing means the
 * barrier is there (5 = strong barrier). Our own wording.
 */
export const PULSE_ITEMS = [
  {
    id: 'trusted',
    kind: 'experience',
    nb: 'Jeg opplever at ledelsen har tillit til vurderingene mine.',
    en: 'I feel management trusts my judgement.',
  },
  {
    id: 'autonomy',
    kind: 'experience',
    nb: 'Vi i teamet kan bestemme hvordan vi hjelper den enkelte.',
    en: 'We in the team can decide how we help each person.',
  },
  { id: 'meaning', kind: 'experience', nb: 'Arbeidet mitt gir mening.', en: 'My work is meaningful.' },
  {
    id: 'heard',
    kind: 'experience',
    nb: 'Jeg blir hørt når noe bør endres.',
    en: 'I am heard when something should change.',
  },
  {
    id: 'barrier_structural',
    kind: 'barrier',
    nb: 'Regler, systemer eller rapportering hindrer oss i å gjøre det som er best for personen.',
    en: 'Rules, systems or reporting stop us from doing what is best for the person.',
  },
  {
    id: 'barrier_competence',
    kind: 'barrier',
    nb: 'Vi mangler kompetanse til å ta de beslutningene vi nå skal ta selv.',
    en: 'We lack the competence for the decisions we are now to make ourselves.',
  },
  {
    id: 'barrier_motivation',
    kind: 'barrier',
    nb: 'Mange her har lite lyst til å jobbe på en ny måte.',
    en: 'Many here have little wish to work in a new way.',
  },
  {
    id: 'barrier_communication',
    kind: 'barrier',
    nb: 'Det er uklart hva tillitsreformen betyr for oss i hverdagen.',
    en: 'It is unclear what the trust reform means for us day to day.',
  },
  {
    id: 'barrier_habits',
    kind: 'barrier',
    nb: 'Vi faller tilbake til gamle vaner og kontrollrutiner.',
    en: 'We fall back into old habits and control routines.',
  },
] as const;

export const BARRIERS = PULSE_ITEMS.filter((i) => i.kind === 'barrier').map((i) => i.id);
