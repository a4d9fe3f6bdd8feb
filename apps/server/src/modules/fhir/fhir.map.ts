/**
 * Our rows as FHIR R4 resources (pure). Rows come from row_to_json, so columns are snake_case
 * and times ISO text. References use our stable UUIDs: Patient/<recipient>, Practitioner/<staff>,
 * Organization/<municipality|district|team>, Encounter/<visit>.
 */
// biome-ignore lint/suspicious/noExplicitAny: rows of row_to_json, shaped by the SQL that selects them
type Row = Record<string, any>;

/** Norwegian identifiers (Volven / HelseID usage): fødselsnummer and D-nummer. */
export const FNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.1';
export const DNR_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.4.2';
/** Kommunenummer (Volven code system 3402). */
const MUNICIPALITY_SYSTEM = 'urn:oid:2.16.578.1.12.4.1.1.3402';

/** A D-nummer has 4 added to its first digit (so it starts with 4–7); a fødselsnummer starts with 0–3. */
export const identifierSystem = (nationalId: string) => (Number(nationalId[0]) >= 4 ? DNR_SYSTEM : FNR_SYSTEM);

export const ref = (type: string, id: string | null | undefined) => (id ? { reference: `${type}/${id}` } : undefined);

/** Drops undefined and empty arrays, so a resource never carries an empty element (FHIR forbids them). */
export function compact<T extends Row>(resource: T): T {
  const out: Row = {};
  for (const [k, v] of Object.entries(resource)) {
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as T;
}

/** A timestamptz as FHIR instant text (always with seconds and zone). */
export const instant = (v: string | Date | null | undefined) => (v ? new Date(v).toISOString() : undefined);

const phone = (value: string | null) => (value ? [{ system: 'phone', value }] : undefined);

export function patient(r: Row) {
  return compact({
    resourceType: 'Patient',
    id: r.id,
    meta: { lastUpdated: instant(r.updated_at) },
    identifier: [{ use: 'official', system: identifierSystem(r.national_id), value: r.national_id }],
    active: true,
    name: [{ use: 'official', family: r.family_name, given: [r.given_name] }],
    telecom: phone(r.phone),
    birthDate: r.birth_date,
    address: [{ use: 'home', line: [r.address_line], postalCode: r.postal_code, city: r.city, country: 'NO' }],
    generalPractitioner: undefined,
  });
}

export function practitioner(s: Row) {
  return compact({
    resourceType: 'Practitioner',
    id: s.id,
    active: true,
    name: [{ family: s.family_name, given: [s.given_name] }],
    telecom: [...(phone(s.phone) ?? []), ...(s.email ? [{ system: 'email', value: s.email }] : [])],
    qualification: [
      { code: { coding: [{ system: 'urn:tillit:profession', code: s.profession }], text: s.profession } },
    ],
  });
}

/** A membership of a team: the practitioner's role in that team for a period. */
export function practitionerRole(m: Row) {
  return compact({
    resourceType: 'PractitionerRole',
    id: m.id,
    active: m.valid_until === null || m.valid_until >= m.today,
    period: compact({ start: m.valid_from, end: m.valid_until ?? undefined }),
    practitioner: ref('Practitioner', m.staff_id),
    organization: ref('Organization', m.team_id),
    code: [{ coding: [{ system: 'urn:tillit:profession', code: m.profession }], text: m.profession }],
  });
}

const ORG_KIND: Record<string, string> = { municipality: 'Kommune', district: 'Bydel', team: 'Hjemmetjenesteteam' };

/** The municipality, a district or a team (`kind`), each part of the one above it. */
export function organization(o: Row) {
  return compact({
    resourceType: 'Organization',
    id: o.id,
    identifier: o.kind === 'municipality' ? [{ system: MUNICIPALITY_SYSTEM, value: o.number }] : undefined,
    active: true,
    type: [{ coding: [{ system: 'urn:tillit:organisation-level', code: o.kind }], text: ORG_KIND[o.kind] }],
    name: o.name,
    telecom: phone(o.phone ?? null),
    address: o.address_line
      ? [{ line: [o.address_line], postalCode: o.postal_code ?? undefined, city: o.city ?? undefined, country: 'NO' }]
      : undefined,
    partOf: ref('Organization', o.part_of),
  });
}

/** A team and its members today. */
export function careTeam(t: Row) {
  const members = (t.members ?? []) as Row[];
  return compact({
    resourceType: 'CareTeam',
    id: t.id,
    status: 'active',
    name: t.name,
    managingOrganization: [ref('Organization', t.id)],
    participant: members.map((m) => ({
      role: [{ coding: [{ system: 'urn:tillit:profession', code: m.profession }], text: m.profession }],
      member: ref('Practitioner', m.staff_id),
    })),
  });
}
