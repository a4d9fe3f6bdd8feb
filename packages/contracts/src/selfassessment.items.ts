/**
 * The five misconceptions about trust-based management (DESIGN.md, "Measuring trust"), for
 * a leader's own self-assessment: each with a short explanation and prompts for the
 * dialogue with the teams. Our own words. Ids are stable; wording may improve.
 */
export const MISCONCEPTIONS = [
  {
    id: 'top_down',
    nb: {
      title: 'Tillit kan bestemmes ovenfra',
      explanation:
        'Tillit oppstår ikke fordi ledelsen sier at den skal være der. Den vokser når ansatte og ledere over tid erfarer at de kan stole på hverandre: at beslutninger blir fulgt opp, at feil blir møtt med læring, og at det som blir sagt, henger sammen med det som blir gjort. En leder kan legge til rette for tillit, men ikke gi ordre om den.',
      prompts: [
        'Hva har jeg gjort det siste halvåret som har gjort det lettere for teamet å stole på meg?',
        'Hvor opplever teamet at det jeg sier og det jeg gjør, ikke henger sammen?',
        'Hvilke beslutninger har vi tatt sammen, og hvilke har jeg tatt alene?',
      ],
    },
    en: {
      title: 'Trust can be decided from the top',
      explanation:
        'Trust does not appear because management says it should be there. It grows when staff and leaders learn over time that they can rely on each other: decisions are followed up, mistakes are met with learning, and what is said matches what is done. A leader can make room for trust but cannot order it.',
      prompts: [
        'What have I done in the last six months that made it easier for the team to trust me?',
        'Where does the team find that what I say and what I do do not match?',
        'Which decisions have we made together, and which have I made alone?',
      ],
    },
  },
  {
    id: 'always_good',
    nb: {
      title: 'Tillit er alltid bra',
      explanation:
        'Tillit er ikke et mål i seg selv. Blind tillit kan skjule svikt, og stor tillit til noen få kan gjøre at andre ikke blir hørt. Tillit bør bygge på kompetanse, åpenhet og erfaring, og den må tåle at noen spør: «Hvordan vet vi det?»',
      prompts: [
        'Finnes det områder der vi stoler på hverandre uten å vite nok?',
        'Hvordan oppdager vi at noe går galt, uten at det blir kontroll for kontrollens skyld?',
        'Hvem i teamet blir lyttet mest til, og hvem blir hørt for lite?',
      ],
    },
    en: {
      title: 'Trust is always good',
      explanation:
        'Trust is not a goal in itself. Blind trust can hide failures, and great trust in a few can mean that others are not heard. Trust should rest on competence, openness and experience, and it must bear someone asking: "How do we know?"',
      prompts: [
        'Are there areas where we trust each other without knowing enough?',
        'How do we notice that something is going wrong without controlling for its own sake?',
        'Who in the team is listened to most, and who is heard too little?',
      ],
    },
  },
  {
    id: 'hands_off',
    nb: {
      title: 'Tillit betyr å holde seg unna',
      explanation:
        'Å vise tillit er ikke å trekke seg tilbake. Teamene trenger en leder som er til stede, spør, støtter og tar ansvar for rammene: bemanning, kompetanse og prioriteringer. En leder som er borte, blir ofte opplevd som likegyldig, ikke som tillitsfull.',
      prompts: [
        'Hva trenger teamet mer av fra meg nå: støtte, tydelige rammer eller arbeidsro?',
        'Når var jeg sist med i teamets hverdag uten å komme for å kontrollere?',
        'Har teamet fått ansvar for beslutninger uten å få det som trengs for å ta dem?',
      ],
    },
    en: {
      title: 'Trust means keeping out of the way',
      explanation:
        'Showing trust is not stepping back. Teams need a leader who is present, asks, supports and takes responsibility for the frame: staffing, competence and priorities. A leader who is absent is often felt to be indifferent, not trusting.',
      prompts: [
        'What does the team need more of from me now: support, clear limits or room to work?',
        'When was I last part of the team’s day without coming to check on it?',
        'Has the team been given decisions without what it needs to make them?',
      ],
    },
  },
  {
    id: 'stable',
    nb: {
      title: 'Tillit er stabil',
      explanation:
        'Tillit bygges sakte og kan svekkes fort, for eksempel av en omorganisering, et kutt, et løfte som ikke blir holdt, eller en sak som blir håndtert dårlig. Den må vedlikeholdes, og den kan være ulik fra team til team og over tid. Derfor ser vi på utviklingen, ikke bare på ett tall.',
      prompts: [
        'Hva har skjedd det siste året som kan ha styrket eller svekket tilliten?',
        'Hvordan merker vi tidlig at tilliten i et team går ned?',
        'Hvilke løfter har vi gitt teamene som vi ikke har holdt ennå?',
      ],
    },
    en: {
      title: 'Trust is stable',
      explanation:
        'Trust is built slowly and can be weakened quickly, for example by a reorganisation, a cut, a promise that is not kept, or a case that is handled badly. It must be maintained, and it can differ between teams and over time. That is why we look at the trend, not just at one figure.',
      prompts: [
        'What has happened in the last year that may have strengthened or weakened trust?',
        'How do we notice early that trust in a team is falling?',
        'Which promises have we made to the teams that we have not kept yet?',
      ],
    },
  },
  {
    id: 'opposite_of_control',
    nb: {
      title: 'Tillit er det motsatte av kontroll',
      explanation:
        'Noe kontroll er nødvendig og kreves av loven: tilgangslogg, vedtak med begrunnelse og krav om kompetanse for delegerte oppgaver. Tillitsbasert ledelse handler om å beholde kontroll som gir mening, forklare hvorfor den finnes, og fjerne kontroll og rapportering som verken hjelper personen eller teamet.',
      prompts: [
        'Hvilken rapportering eller kontroll kan vi slutte med fordi ingen bruker den?',
        'Vet teamet hvorfor den kontrollen vi beholder, finnes?',
        'Hvordan kan teamet selv bruke tallene sine til å se hvordan det går?',
      ],
    },
    en: {
      title: 'Trust is the opposite of control',
      explanation:
        'Some control is necessary and required by law: the access log, decisions with reasons, and competence for delegated tasks. Trust-based management means keeping the control that makes sense, explaining why it exists, and removing control and reporting that helps neither the person nor the team.',
      prompts: [
        'Which reporting or control can we stop because nobody uses it?',
        'Does the team know why the control we keep exists?',
        'How can the team itself use its figures to see how things are going?',
      ],
    },
  },
] as const;

export type MisconceptionId = (typeof MISCONCEPTIONS)[number]['id'];
export const MISCONCEPTION_IDS = MISCONCEPTIONS.map((m) => m.id) as [MisconceptionId, ...MisconceptionId[]];
