/**
 * The functional assessment (IPLOS «bistandsvariabler») as the municipal register KPR
 * (kommunalt pasient- og brukerregister) receives it: 17 items, each scored 1–5 for the help
 * the person needs, or 9 when the item is not relevant. Source: Helsedirektoratet, «IPLOS –
 * veileder for personell i kommunale helse- og omsorgstjenester» and its page «Hvordan vurdere
 * skår på bistandsvariablene?» (helsedirektoratet.no). The codes are ours (stable, English);
 * the names are the register's. The team scores them together with the person, for planning.
 */
export const assessmentItems = [
  'socialParticipation', // Sosial deltakelse
  'dailyDecisions', // Beslutninger i dagliglivet
  'behaviour', // Styre atferd
  'memory', // Hukommelse
  'communication', // Kommunikasjon
  'vision', // Syn
  'hearing', // Hørsel
  'shopping', // Skaffe seg varer og tjenester
  'housework', // Alminnelig husarbeid
  'cooking', // Lage mat
  'eating', // Spise
  'personalHygiene', // Personlig hygiene
  'dressing', // Av- og påkledning
  'toilet', // Toalett
  'ownHealth', // Ivareta egen helse
  'movingIndoors', // Bevege seg innendørs
  'movingOutdoors', // Bevege seg utendørs
] as const;

export type AssessmentItem = (typeof assessmentItems)[number];

/**
 * 1 no problems, 2 manages alone with difficulty, 3 needs some help, 4 needs help with the whole
 * activity but takes part, 5 needs full help; 9 not relevant. Scores 1–2 mean no need of help.
 */
export const assessmentScores = [1, 2, 3, 4, 5, 9] as const;
export type AssessmentScore = (typeof assessmentScores)[number];
