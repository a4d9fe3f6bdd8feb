/**
 * Search parameters (pure): each resource type names the ones it supports; anything else is a
 * 400 OperationOutcome naming the parameter (FHIR allows ignoring them, but a system that thinks
 * it filtered and did not would read too much about too many people).
 */
import { addDays, osloInstant } from '@tillit/contracts';
import { AppError, badInput } from '../../http/errors.ts';

export type ParamKind = 'reference' | 'token' | 'date' | 'count';

/** What each searchable type accepts; `patient` and `subject` are the same reference. */
export const SEARCH_PARAMS: Record<string, Record<string, ParamKind>> = {
  Patient: { identifier: 'token', _count: 'count' },
  Practitioner: { _count: 'count' },
  PractitionerRole: { practitioner: 'reference', organization: 'reference', _count: 'count' },
  Organization: { _count: 'count' },
  CareTeam: { _count: 'count' },
  CarePlan: { patient: 'reference', subject: 'reference', _count: 'count' },
  Goal: { patient: 'reference', subject: 'reference', _count: 'count' },
  Encounter: { patient: 'reference', subject: 'reference', date: 'date', _count: 'count' },
  Observation: { patient: 'reference', subject: 'reference', code: 'token', date: 'date', _count: 'count' },
  MedicationStatement: { patient: 'reference', subject: 'reference', _count: 'count' },
  MedicationAdministration: { patient: 'reference', subject: 'reference', 'effective-time': 'date', _count: 'count' },
  AuditEvent: { patient: 'reference', date: 'date', _count: 'count' },
};

export interface Search {
  /** The person (patient / subject), if named. */
  patient?: string;
  practitioner?: string;
  organization?: string;
  /** `system|value`, `|value` or `value`, as given. */
  token?: { system?: string; value: string };
  /** Instants: lower bound inclusive, upper bound exclusive. */
  from?: Date;
  to?: Date;
  count: number;
}

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string) => UUID.test(id);

const bad = (param: string, message: string) => badInput([{ field: param, code: 'invalid_search', message }]);

/** `Patient/<id>` or `<id>` for a reference parameter of `type`. */
function referenceId(param: string, value: string, type: string): string {
  const id = value.startsWith(`${type}/`) ? value.slice(type.length + 1) : value;
  if (!isUuid(id)) throw bad(param, `${param} must be ${type}/<id>`);
  return id;
}

/** The period a date value covers, by its precision (year, month, day, or an instant). */
function period(param: string, value: string): { start: Date; end: Date } {
  let m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (m) {
    const [year, month, day] = [m[1], m[2] ?? '01', m[3] ?? '01'];
    const start = `${year}-${month}-${day}`;
    const end = m[3] ? addDays(start, 1) : m[2] ? nextMonth(start) : `${Number(year) + 1}-01-01`;
    if (Number.isNaN(new Date(`${start}T00:00:00Z`).getTime())) throw bad(param, 'Not a date');
    return { start: osloInstant(start, 0), end: osloInstant(end, 0) };
  }
  m = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  const at = m ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime()))
    throw bad(param, 'A date is YYYY, YYYY-MM, YYYY-MM-DD or an instant with zone');
  return { start: at, end: new Date(at.getTime() + 1000) };
}

function nextMonth(date: string) {
  const [y, mo] = date.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
}

/** Narrows [from, to) by one date parameter (`eq` by default; ge, gt, le, lt). */
function applyDate(s: Search, param: string, raw: string) {
  const prefix = /^(eq|ge|gt|le|lt)/.exec(raw)?.[1] ?? 'eq';
  const { start, end } = period(param, raw.replace(/^(eq|ge|gt|le|lt)/, ''));
  const later = (d: Date) => (!s.from || d > s.from ? d : s.from);
  const earlier = (d: Date) => (!s.to || d < s.to ? d : s.to);
  if (prefix === 'eq' || prefix === 'ge') s.from = later(start);
  if (prefix === 'gt') s.from = later(end);
  if (prefix === 'eq' || prefix === 'le') s.to = earlier(end);
  if (prefix === 'lt') s.to = earlier(start);
}

function applyOne(s: Search, type: string, param: string, kind: ParamKind, value: string) {
  if (kind === 'count') {
    if (!/^\d{1,4}$/.test(value)) throw bad(param, '_count is a whole number');
    s.count = Math.min(Number(value), MAX_COUNT);
  } else if (kind === 'date') applyDate(s, param, value);
  else if (kind === 'token') {
    const bar = value.indexOf('|');
    s.token = bar < 0 ? { value } : { system: value.slice(0, bar) || undefined, value: value.slice(bar + 1) };
    if (!s.token.value) throw bad(param, `${param} needs a value`);
  } else if (param === 'practitioner') s.practitioner = referenceId(param, value, 'Practitioner');
  else if (param === 'organization') s.organization = referenceId(param, value, 'Organization');
  else s.patient = referenceId(param, value, 'Patient');
  void type;
}

/** Parses a search's query for `type`; unknown or malformed parameters are a 400 naming them. */
export function parseSearch(type: string, query: Record<string, string | string[] | undefined>): Search {
  const known = SEARCH_PARAMS[type];
  if (!known) throw new AppError(404, 'not_found', `${type} is not supported here`);
  const s: Search = { count: DEFAULT_COUNT };
  for (const [param, raw] of Object.entries(query)) {
    const kind = known[param];
    if (!kind) throw bad(param, `Unknown search parameter for ${type}: ${param}`);
    const values = (Array.isArray(raw) ? raw : [raw ?? '']).map(String);
    if (values.length > 1 && kind !== 'date') throw bad(param, `${param} may be given once`);
    for (const value of values) applyOne(s, type, param, kind, value);
  }
  return s;
}
