/**
 * The survey of the people served: ten statements on a 1–5 scale plus «vet ikke», in our own
 * plain wording, covering ability, benevolence and integrity and the OECD drivers, and one
 * open question. Item ids are stable; wording may improve.
 */
export const SURVEY_ITEMS = [
  {
    id: 'on_time',
    dimension: 'ability',
    driver: 'reliability',
    nb: 'De kommer til den tiden vi har avtalt.',
    en: 'They come at the time we agreed.',
  },
  {
    id: 'skilled',
    dimension: 'ability',
    driver: 'reliability',
    nb: 'De som hjelper meg, kan det de gjør.',
    en: 'The people who help me know what they are doing.',
  },
  {
    id: 'listened',
    dimension: 'benevolence',
    driver: 'responsiveness',
    nb: 'Jeg blir lyttet til.',
    en: 'I am listened to.',
  },
  {
    id: 'kind',
    dimension: 'benevolence',
    driver: 'responsiveness',
    nb: 'De er vennlige og tar seg tid.',
    en: 'They are kind and take their time.',
  },
  {
    id: 'knows_what_matters',
    dimension: 'benevolence',
    driver: 'responsiveness',
    nb: 'De vet hva som er viktig for meg.',
    en: 'They know what matters to me.',
  },
  {
    id: 'keeps_word',
    dimension: 'integrity',
    driver: 'integrity',
    nb: 'De gjør det de har sagt at de skal gjøre.',
    en: 'They do what they said they would do.',
  },
  {
    id: 'same_people',
    dimension: 'integrity',
    driver: 'reliability',
    nb: 'Det er stort sett de samme personene som kommer.',
    en: 'It is mostly the same people who come.',
  },
  {
    id: 'told_changes',
    dimension: 'integrity',
    driver: 'openness',
    nb: 'Jeg får vite om endringer i god tid.',
    en: 'I am told about changes in good time.',
  },
  {
    id: 'have_a_say',
    dimension: 'benevolence',
    driver: 'responsiveness',
    nb: 'Jeg er med på å bestemme hvordan hjelpen blir.',
    en: 'I have a say in how the help is given.',
  },
  {
    id: 'respect',
    dimension: 'integrity',
    driver: 'fairness',
    nb: 'Jeg blir behandlet med respekt.',
    en: 'I am treated with respect.',
  },
] as const;

export type SurveyItemId = (typeof SURVEY_ITEMS)[number]['id'];

/** Fewer answers than this in a cell and nothing of it is shown (principle 5). */
export const MIN_GROUP = 5;
