/**
 * The pure rules of medicine handling, tested alone (medicines.rules.test.ts).
 */

/** The competence that is the medication delegation (staff_competence, with its validity). */
export const DELEGATION = 'legemiddelhandtering';

/**
 * The national default list of high-risk drugs as ATC prefixes, used by a municipality that has
 * not set its own (table `high_risk_drug`): insulins, warfarin, and the controlled drugs most
 * often given at home (opioids, benzodiazepines, z-hypnotics, stimulants, methotrexate).
 */
export const DEFAULT_HIGH_RISK: { atcPrefix: string; label: string }[] = [
  { atcPrefix: 'A10A', label: 'Insuliner' },
  { atcPrefix: 'B01AA', label: 'Vitamin K-antagonister (warfarin)' },
  { atcPrefix: 'N02A', label: 'Opioider' },
  { atcPrefix: 'N05BA', label: 'Benzodiazepiner' },
  { atcPrefix: 'N05CD', label: 'Benzodiazepinderivater (sovemidler)' },
  { atcPrefix: 'N05CF', label: 'Z-hypnotika' },
  { atcPrefix: 'N06BA', label: 'Sentralstimulerende' },
  { atcPrefix: 'L01BA01', label: 'Metotreksat' },
  { atcPrefix: 'L04AX03', label: 'Metotreksat' },
];

/** A dose needs a second signature when the team marked the drug, or its ATC code starts with a listed prefix. */
export function isHighRisk(atcCode: string | null, flagged: boolean, prefixes: string[]): boolean {
  if (flagged) return true;
  if (!atcCode) return false;
  return prefixes.some((p) => atcCode.toUpperCase().startsWith(p.toUpperCase()));
}

/** The times of a medication that fall in a visit's window (both ends included): the doses of that visit. */
export function timesInWindow(times: number[], windowStart: number, windowEnd: number): number[] {
  return times.filter((t) => t >= windowStart && t <= windowEnd).sort((a, b) => a - b);
}

/** Whether one more as-needed dose stays within the maximum per 24 hours. */
export function prnAllowed(givenLast24h: number, maxPer24h: number): boolean {
  return givenLast24h + 1 <= maxPer24h;
}

/** The board's word for a dose not given: refused is its own, every other reason is «not given». */
export function notGivenKind(reason: string | null): 'refused' | 'not_given' {
  return reason === 'refused' ? 'refused' : 'not_given';
}
