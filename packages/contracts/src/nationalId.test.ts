import { describe, expect, it } from 'vitest';
import { completeNationalId, validateNationalId } from './nationalId.ts';

// Built from first nine digits with completeNationalId so no real person's number is used.
const fnr = completeNationalId('010180' + '123')!; // 1 Jan 1980, synthetic-free structure
const synthetic = completeNationalId('018180' + '123'); // month + 80

describe('validateNationalId', () => {
  it('accepts a fødselsnummer and derives the birth date', () => {
    const r = validateNationalId(fnr);
    expect(r).toEqual({ ok: true, kind: 'fnr', synthetic: false, birthDate: '1980-01-01' });
  });

  it('accepts a well-known published test number', () => {
    // 01010112345 is not valid; 15076500565 is the classic example in the public spec texts.
    expect(validateNationalId('15076500565').ok).toBe(true);
  });

  it('accepts a D-nummer (day + 40)', () => {
    const dnr = completeNationalId('410180' + '123')!;
    expect(validateNationalId(dnr)).toMatchObject({ ok: true, kind: 'dnr', birthDate: '1980-01-01' });
  });

  it('accepts synthetic test numbers (month + 80)', () => {
    expect(synthetic).not.toBeNull();
    expect(validateNationalId(synthetic!)).toMatchObject({ ok: true, synthetic: true, birthDate: '1980-01-01' });
  });

  it('uses the individual number to find the century', () => {
    const make = (date: string, from: number) => {
      for (let i = from; i < from + 50; i++) {
        const n = completeNationalId(date + String(i));
        if (n) return n;
      }
      throw new Error('no valid number');
    };
    const born2005 = make('150605', 510);
    expect(validateNationalId(born2005)).toMatchObject({ ok: true, birthDate: '2005-06-15' });
    const born1945 = make('150645', 910);
    expect(validateNationalId(born1945)).toMatchObject({ ok: true, birthDate: '1945-06-15' });
  });

  it('names a wrong first check digit', () => {
    const wrong = fnr.slice(0, 9) + ((Number(fnr[9]) + 1) % 10) + fnr[10];
    expect(validateNationalId(wrong)).toEqual({ ok: false, problem: 'checkDigit1' });
  });

  it('names a wrong second check digit', () => {
    const wrong = fnr.slice(0, 10) + ((Number(fnr[10]) + 1) % 10);
    expect(validateNationalId(wrong)).toEqual({ ok: false, problem: 'checkDigit2' });
  });

  it('catches every single-digit typing error in a valid number', () => {
    for (let pos = 0; pos < 11; pos++) {
      for (let delta = 1; delta < 10; delta++) {
        const digits = [...fnr];
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        expect(validateNationalId(digits.join('')).ok, `position ${pos} +${delta}`).toBe(false);
      }
    }
  });

  it('refuses wrong length, wrong characters, empty input and impossible dates', () => {
    expect(validateNationalId('1234567890')).toEqual({ ok: false, problem: 'length' });
    expect(validateNationalId('123456789012')).toEqual({ ok: false, problem: 'length' });
    expect(validateNationalId('12345abc901')).toEqual({ ok: false, problem: 'characters' });
    expect(validateNationalId('')).toEqual({ ok: false, problem: 'required' });
    expect(validateNationalId('31028012345')).toEqual({ ok: false, problem: 'date' });
  });

  it('tolerates spaces as people type them', () => {
    expect(validateNationalId(`${fnr.slice(0, 6)} ${fnr.slice(6)}`).ok).toBe(true);
  });
});
