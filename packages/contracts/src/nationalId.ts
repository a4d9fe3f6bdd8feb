/**
 * Norwegian national identity numbers: fødselsnummer (F), D-nummer (D, day + 40) and
 * synthetic test numbers (month + 80, as issued by the national test-data service) so that
 * demo data can never collide with a real person. The 2032 rule change (check digits no
 * longer fixed) is not yet in force and is not accepted here.
 */
export type NationalIdKind = 'fnr' | 'dnr';

export type NationalIdProblem = 'required' | 'length' | 'characters' | 'date' | 'checkDigit1' | 'checkDigit2';

export type NationalIdResult =
  | { ok: true; kind: NationalIdKind; synthetic: boolean; birthDate: string }
  | { ok: false; problem: NationalIdProblem };

const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** Computes a mod-11 check digit; null when the remainder makes the number impossible. */
function checkDigit(digits: number[], weights: number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += digits[i] * weights[i];
  const k = 11 - (sum % 11);
  if (k === 11) return 0;
  if (k === 10) return null;
  return k;
}

/** The century follows from the individual number (sifre 7–9) and the two-digit year. */
function fullYear(yy: number, individual: number): number | null {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (individual >= 500 && yy <= 39) return 2000 + yy;
  if (individual >= 900 && yy >= 40) return 1900 + yy;
  return null;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Validates a national identity number and, when valid, derives the birth date. */
export function validateNationalId(input: string): NationalIdResult {
  const value = input.replace(/\s/g, '');
  if (value === '') return { ok: false, problem: 'required' };
  if (!/^\d*$/.test(value)) return { ok: false, problem: 'characters' };
  if (value.length !== 11) return { ok: false, problem: 'length' };
  const d = [...value].map(Number);
  let day = d[0] * 10 + d[1];
  let month = d[2] * 10 + d[3];
  const yy = d[4] * 10 + d[5];
  const individual = d[6] * 100 + d[7] * 10 + d[8];
  let kind: NationalIdKind = 'fnr';
  let synthetic = false;
  if (day > 40) {
    kind = 'dnr';
    day -= 40;
  }
  if (month > 80) {
    synthetic = true;
    month -= 80;
  }
  const year = fullYear(yy, individual);
  if (year === null || !isRealDate(year, month, day)) return { ok: false, problem: 'date' };
  if (checkDigit(d, W1) !== d[9]) return { ok: false, problem: 'checkDigit1' };
  if (checkDigit(d, W2) !== d[10]) return { ok: false, problem: 'checkDigit2' };
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, kind, synthetic, birthDate };
}

/**
 * Completes the first nine digits with both check digits, or returns null when no valid
 * number exists for them (remainder 10). Used by the demo generator.
 */
export function completeNationalId(nine: string): string | null {
  const d = [...nine].map(Number);
  const k1 = checkDigit(d, W1);
  if (k1 === null) return null;
  d.push(k1);
  const k2 = checkDigit(d, W2);
  if (k2 === null) return null;
  return nine + k1 + k2;
}

/** Messages for each problem, in the two languages of the app. */
export const nationalIdMessages: Record<NationalIdProblem, { nb: string; en: string }> = {
  required: { nb: 'Fødselsnummer mangler.', en: 'National identity number is missing.' },
  length: {
    nb: 'Fødselsnummeret må ha nøyaktig 11 siffer.',
    en: 'The national identity number must have exactly 11 digits.',
  },
  characters: {
    nb: 'Fødselsnummeret kan bare inneholde siffer.',
    en: 'The national identity number may contain digits only.',
  },
  date: {
    nb: 'De seks første sifrene er ikke en gyldig fødselsdato.',
    en: 'The first six digits are not a valid date of birth.',
  },
  checkDigit1: {
    nb: 'Første kontrollsiffer (siffer 10) stemmer ikke. Sjekk at nummeret er skrevet riktig.',
    en: 'The first check digit (digit 10) does not match. Check the number for typing errors.',
  },
  checkDigit2: {
    nb: 'Andre kontrollsiffer (siffer 11) stemmer ikke. Sjekk at nummeret er skrevet riktig.',
    en: 'The second check digit (digit 11) does not match. Check the number for typing errors.',
  },
};
