/**
 * The KPR data set's derivations and its validation, pure: rows as the queries return them in,
 * the register's items and the problems (with where in the record to fix each) out. The rule
 * names are the ones `kprDataset` (packages/contracts/src/statistics.dataset.ts) cites.
 */
import {
  addDays,
  assessmentItems,
  type KprPerson,
  type KprProblem,
  type KprProblemCode,
  kprServiceCodes,
  type RecordSection,
  recordSections,
  type ServiceType,
  validateNationalId,
} from '@tillit/contracts';

/** A person as the query returns them (record columns, not yet the register's items). */
export interface PersonRow {
  id: string;
  givenName: string;
  familyName: string;
  nationalId: string;
  birthDate: string;
  team: string | null;
}

export interface ServiceRow {
  recipientId: string;
  serviceType: ServiceType;
  decidedOn: string;
  validFrom: string;
  inForceUntil: string | null;
  hoursPerWeek: number;
}

export interface AssessmentRow {
  recipientId: string;
  assessedOn: string;
  items: Record<string, number> | null;
}

/** idTypeFromNationalId: a first digit of 4–7 is a D-nummer (day + 40). */
export const idTypeFromNationalId = (nationalId: string): 'F' | 'D' => (Number(nationalId[0]) >= 4 ? 'D' : 'F');

/** sexFromNationalId: the ninth digit (the last of the individual number) is odd for men (1), even for women (2). */
export function sexFromNationalId(nationalId: string): 1 | 2 | null {
  if (!/^\d{11}$/.test(nationalId)) return null;
  return Number(nationalId[8]) % 2 === 1 ? 1 : 2;
}

/** birthYearFromBirthDate */
export const birthYearFromBirthDate = (birthDate: string) => Number(birthDate.slice(0, 4)) || null;

/** serviceCodeOfType: the register's tjenestekode. */
export const serviceCodeOfType = (type: ServiceType) => kprServiceCodes[type];

/** The register's items for one person. */
export function toKprPerson(
  p: PersonRow,
  municipalityNumber: string,
  services: ServiceRow[],
  assessment: AssessmentRow | undefined,
): KprPerson {
  return {
    nationalId: p.nationalId,
    idType: idTypeFromNationalId(p.nationalId),
    birthYear: birthYearFromBirthDate(p.birthDate),
    sex: sexFromNationalId(p.nationalId),
    municipalityNumber,
    services: services.map((s) => ({
      code: serviceCodeOfType(s.serviceType),
      type: s.serviceType,
      decidedOn: s.decidedOn,
      from: s.validFrom,
      to: s.inForceUntil,
      hoursPerWeek: s.serviceType === 'trygghetsalarm' ? null : Number(s.hoursPerWeek),
    })),
    assessment: assessment
      ? {
          assessedOn: assessment.assessedOn,
          items: Object.fromEntries(
            assessmentItems.flatMap((i) => (assessment.items?.[i] ? [[i, assessment.items[i]]] : [])),
          ),
        }
      : null,
  };
}

const ITEM: Record<KprProblemCode, [item: string, section: RecordSection, severity: 'error' | 'warning']> = {
  'nationalId.invalid': ['nationalId', 'personal', 'error'],
  'birthDate.mismatch': ['birthYear', 'personal', 'error'],
  'decision.missing': ['services', 'decisions', 'error'],
  'decision.noHours': ['services[].hoursPerWeek', 'decisions', 'error'],
  'decision.tooManyHours': ['services[].hoursPerWeek', 'decisions', 'error'],
  'decision.awaitingCosign': ['services', 'decisions', 'warning'],
  'assessment.missing': ['assessment', 'assessment', 'error'],
  'assessment.incomplete': ['assessment.items', 'assessment', 'error'],
  'assessment.outdated': ['assessment.assessedOn', 'assessment', 'warning'],
};

/** The codes of what is missing or invalid for one person, in the order of the record's sections. */
export function problemCodes(
  p: PersonRow,
  kpr: KprPerson,
  facts: { to: string; awaitingCosign: boolean },
): KprProblemCode[] {
  const codes: KprProblemCode[] = [];
  const id = validateNationalId(p.nationalId);
  if (!id.ok) codes.push('nationalId.invalid');
  else if (id.birthDate !== p.birthDate) codes.push('birthDate.mismatch');
  if (kpr.services.length === 0) codes.push('decision.missing');
  if (kpr.services.some((s) => s.hoursPerWeek !== null && s.hoursPerWeek <= 0)) codes.push('decision.noHours');
  // The register refuses more than 168 hours a week on one service (there are 168 hours in a week).
  if (kpr.services.some((s) => s.hoursPerWeek !== null && s.hoursPerWeek > 168)) codes.push('decision.tooManyHours');
  if (facts.awaitingCosign) codes.push('decision.awaitingCosign');
  if (!kpr.assessment) codes.push('assessment.missing');
  else {
    if (Object.keys(kpr.assessment.items).length < assessmentItems.length) codes.push('assessment.incomplete');
    // Assessed again when needs change, and at least once a year: an older one may no longer describe the person.
    if (kpr.assessment.assessedOn < addDays(facts.to, -365)) codes.push('assessment.outdated');
  }
  return codes;
}

/** Each problem of one person, with the item, its severity and the place in the record to fix it. */
export function validatePerson(
  p: PersonRow,
  kpr: KprPerson,
  facts: { to: string; awaitingCosign: boolean },
): KprProblem[] {
  return problemCodes(p, kpr, facts).map((code) => {
    const [item, section, severity] = ITEM[code];
    return {
      recipientId: p.id,
      name: `${p.givenName} ${p.familyName}`,
      team: p.team,
      code,
      severity,
      item,
      section,
      fixAt: `/people/${p.id}#${recordSections[section]}`,
    };
  });
}

/** Every derivation the definition (kprDataset) names, and where it is done. */
export const DERIVATIONS: Record<string, string> = {
  idTypeFromNationalId: 'statistics.rules.ts',
  birthYearFromBirthDate: 'statistics.rules.ts',
  sexFromNationalId: 'statistics.rules.ts',
  serviceCodeOfType: 'statistics.rules.ts',
  municipalityOfServingTeam: 'statistics.repository.ts (the district’s municipality; people are those its teams serve)',
  dateInForce: 'statistics.queries.ts loadServices (COALESCE(cosigned_at, decided_at), Oslo date)',
  endInForce: 'statistics.queries.ts loadServices (LEAST(valid_until, next valid_from − 1))',
};
