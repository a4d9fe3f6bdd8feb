/**
 * The KPR data set for home services as data: each item with its name in the register, its type,
 * whether the register requires it, and where it comes from in the record — a column
 * (`table.column`), a derivation from columns, or nothing (`held: false`). An item someone would
 * have to type only to report it is `typedOnlyForReporting: true`; the goal is none (DESIGN
 * principle 6, «Report once»). docs/KPR.md documents each item with an example.
 *
 * Sources: Helsedirektoratet «Innhold i KPR» (tjenester og forskriftens § 2-1), «Kommunale helse-
 * og omsorgstjenester 2021», table of service codes (tjenestekoder), «IPLOS – spørsmål og svar:
 * tjenester» (hours a week from the decision, at most 168), IPLOS-veilederen IS-1112 (function
 * items, 1–5 and 9). The register's own message specification (XML schema) was not available to us.
 */
import { assessmentItems } from './assessment.items.ts';

export type KprSource =
  /** Read as it stands from a column the team fills in for its own work. */
  | { kind: 'column'; column: string }
  /** Computed from columns by a named rule (statistics.derive.ts on the server). */
  | { kind: 'derived'; columns: string[]; rule: string }
  /** The record does not hold it. */
  | { kind: 'notHeld'; why: string };

export interface KprItem {
  key: string;
  /** The item's name in the register (bokmål). */
  registerName: string;
  type: 'string' | 'integer' | 'decimal' | 'date' | 'code';
  required: boolean;
  source: KprSource;
  /** True when someone would have to type it only so it can be reported. */
  typedOnlyForReporting: boolean;
  example: string;
}

const col = (column: string): KprSource => ({ kind: 'column', column });
const derived = (rule: string, ...columns: string[]): KprSource => ({ kind: 'derived', columns, rule });

/** The register's names of the 17 function items (IPLOS bistandsvariabler). */
export const assessmentItemNames: Record<(typeof assessmentItems)[number], string> = {
  socialParticipation: 'Sosial deltakelse',
  dailyDecisions: 'Beslutninger i dagliglivet',
  behaviour: 'Styre atferd',
  memory: 'Hukommelse',
  communication: 'Kommunikasjon',
  vision: 'Syn',
  hearing: 'Hørsel',
  shopping: 'Skaffe seg varer og tjenester',
  housework: 'Alminnelig husarbeid',
  cooking: 'Lage mat',
  eating: 'Spise',
  personalHygiene: 'Personlig hygiene',
  dressing: 'Av- og påkledning',
  toilet: 'Toalett',
  ownHealth: 'Ivareta egen helse',
  movingIndoors: 'Bevege seg innendørs',
  movingOutdoors: 'Bevege seg utendørs',
};

const personItems: KprItem[] = [
  {
    key: 'nationalId',
    registerName: 'Fødselsnummer / D-nummer (personidentifikator)',
    type: 'string',
    required: true,
    source: col('recipient.national_id'),
    typedOnlyForReporting: false,
    example: '01014012345',
  },
  {
    key: 'idType',
    registerName: 'Type personidentifikator',
    type: 'code',
    required: true,
    source: derived('idTypeFromNationalId', 'recipient.national_id'),
    typedOnlyForReporting: false,
    example: 'F',
  },
  {
    key: 'birthYear',
    registerName: 'Fødselsår',
    type: 'integer',
    required: true,
    source: derived('birthYearFromBirthDate', 'recipient.birth_date'),
    typedOnlyForReporting: false,
    example: '1940',
  },
  {
    key: 'sex',
    registerName: 'Kjønn',
    type: 'code',
    required: true,
    source: derived('sexFromNationalId', 'recipient.national_id'),
    typedOnlyForReporting: false,
    example: '2',
  },
  {
    key: 'municipalityNumber',
    registerName: 'Bostedskommune (kommunenummer)',
    type: 'code',
    required: true,
    source: derived('municipalityOfServingTeam', 'recipient_team.team_id', 'team.district_id', 'municipality.number'),
    typedOnlyForReporting: false,
    example: '0301',
  },
];

const serviceItems: KprItem[] = [
  {
    key: 'services[].code',
    registerName: 'Tjenestekode',
    type: 'code',
    required: true,
    source: derived('serviceCodeOfType', 'service_decision.service_type'),
    typedOnlyForReporting: false,
    example: '15',
  },
  {
    key: 'services[].decidedOn',
    registerName: 'Vedtaksdato',
    type: 'date',
    required: true,
    source: derived('dateInForce', 'service_decision.decided_at', 'service_decision.cosigned_at'),
    typedOnlyForReporting: false,
    example: '2026-01-05',
  },
  {
    key: 'services[].from',
    registerName: 'Tjeneste fra dato',
    type: 'date',
    required: true,
    source: col('service_decision.valid_from'),
    typedOnlyForReporting: false,
    example: '2026-01-05',
  },
  {
    key: 'services[].to',
    registerName: 'Tjeneste til dato',
    type: 'date',
    required: false,
    source: derived('endInForce', 'service_decision.valid_until', 'service_decision.valid_from'),
    typedOnlyForReporting: false,
    example: '2026-06-30',
  },
  {
    key: 'services[].hoursPerWeek',
    registerName: 'Timer per uke (vedtakstid)',
    type: 'decimal',
    required: true,
    source: col('service_decision.hours_per_week'),
    typedOnlyForReporting: false,
    example: '4.5',
  },
];

const assessmentItemsOfDataset: KprItem[] = [
  {
    key: 'assessment.assessedOn',
    registerName: 'Dato for funksjonsvurdering',
    type: 'date',
    required: true,
    source: col('functional_assessment.assessed_on'),
    typedOnlyForReporting: false,
    example: '2026-03-02',
  },
  ...assessmentItems.map(
    (item): KprItem => ({
      key: `assessment.items.${item}`,
      registerName: assessmentItemNames[item],
      type: 'code',
      required: true,
      source: col('functional_assessment_score.score'),
      typedOnlyForReporting: false,
      example: '3',
    }),
  ),
];

/**
 * Items of the register the record does not hold. The register accepts data sets without them;
 * Tillit leaves them out rather than asking anyone to type them for reporting.
 */
const notHeld: KprItem[] = [
  {
    key: 'diagnoses',
    registerName: 'Diagnoser (ICD-10 / ICPC-2)',
    type: 'code',
    required: false,
    source: {
      kind: 'notHeld',
      why: 'The record holds no diagnoses yet; they come from the GP and will be reported when the record receives them.',
    },
    typedOnlyForReporting: false,
    example: '',
  },
];

export const kprDataset: KprItem[] = [...personItems, ...serviceItems, ...assessmentItemsOfDataset, ...notHeld];

/**
 * Items someone would have to type only to report: those marked so, and required items the record
 * does not hold (someone would have to type them). The server's test also checks that every column
 * named here exists in the schema.
 */
export const fieldsTypedOnlyForReporting = (items: KprItem[] = kprDataset) =>
  items.filter((i) => i.typedOnlyForReporting || (i.required && i.source.kind === 'notHeld')).length;

/** Optional items of the register the record does not hold, and that are therefore not reported. */
export const fieldsNotReported = (items: KprItem[] = kprDataset) =>
  items.filter((i) => i.source.kind === 'notHeld').length;

/** The register's service codes (tjenestekoder) of the service types a home-care team decides. */
export const kprServiceCodes = { praktisk_bistand: 1, opplaering: 2, trygghetsalarm: 6, hjemmesykepleie: 15 } as const;
