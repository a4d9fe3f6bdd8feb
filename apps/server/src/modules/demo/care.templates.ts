/** Plausible care content for demo people: what matters in their words, goals and measures. */
export const whatMattersStatements = [
  { statement: 'Å bo hjemme så lenge jeg kan.', goal: 'Klare seg trygt hjemme med hjelp morgen og kveld' },
  { statement: 'At det er kjente folk som kommer, ikke en ny hver gang.', goal: 'Få hjelp av få, faste personer' },
  { statement: 'Å få lese avisen i fred med kaffen før noen kommer.', goal: 'Morgenhjelp etter frokost, ikke før' },
  { statement: 'Å gå tur med hunden hver dag.', goal: 'Gå tur med hunden på egen hånd' },
  { statement: 'Å klare meg selv på badet.', goal: 'Greie dusjen selv med støtte' },
  { statement: 'Å få besøk av barnebarna uten at huset flyter.', goal: 'Holde orden hjemme med litt hjelp' },
  { statement: 'Å komme meg på seniorsenteret på torsdager.', goal: 'Være med på seniorsenteret hver uke' },
  { statement: 'At medisinene blir riktige, så jeg slipper sykehuset.', goal: 'Stabil medisinering uten innleggelser' },
];

/** windowStart/windowEnd in minutes (the earliest; each person's is moved by up to spreadSteps half hours); days ISO 1–7. */
export const measureTemplates = [
  { title: 'Morgenstell med veiledning', how: 'Gjør mest mulig selv; vi hjelper med ryggen og strømpene.', days: [1, 2, 3, 4, 5, 6, 7], windowStart: 450, windowEnd: 480, durationMinutes: 30, requiredCompetence: null, spreadSteps: 6 },
  { title: 'Medisiner morgen', how: 'Dosett fra apoteket; se at de blir tatt.', days: [1, 2, 3, 4, 5, 6, 7], windowStart: 450, windowEnd: 480, durationMinutes: 15, requiredCompetence: 'legemiddelhandtering', spreadSteps: 4 },
  { title: 'Kveldshjelp', how: 'Hjelp til å legge seg; sjekk at døren er låst.', days: [1, 2, 3, 4, 5, 6, 7], windowStart: 990, windowEnd: 1020, durationMinutes: 20, requiredCompetence: null, spreadSteps: 9 },
  { title: 'Dusj', how: 'Dusjkrakk; tørk godt mellom tærne.', days: [3], windowStart: 540, windowEnd: 600, durationMinutes: 45, requiredCompetence: null, spreadSteps: 4 },
  { title: 'Sårstell legg', how: 'Skift bandasje etter prosedyre; observer rødhet.', days: [1, 4], windowStart: 540, windowEnd: 600, durationMinutes: 30, requiredCompetence: 'sarstell', spreadSteps: 6 },
  { title: 'Handlehjelp', how: 'Handleliste sammen; bli med til butikken når mulig.', days: [5], windowStart: 600, windowEnd: 660, durationMinutes: 60, requiredCompetence: null, spreadSteps: 4 },
];
