import {
  assessmentItems,
  fieldsNotReported,
  fieldsTypedOnlyForReporting,
  type KprItem,
  kprCsv,
  kprDataset,
} from '@tillit/contracts';
import { getTableColumns, getTableName, isTable } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema.ts';
import { DERIVATIONS, problemCodes, sexFromNationalId, toKprPerson } from './statistics.rules.ts';

/** Every `table.column` of the schema, as the definition names sources. */
const recordColumns = new Set(
  Object.values(schema)
    .filter((v) => isTable(v))
    .flatMap((table) =>
      Object.values(getTableColumns(table as PgTable)).map((c) => `${getTableName(table as PgTable)}.${c.name}`),
    ),
);

describe('the KPR data-set definition against the record', () => {
  it('names only columns the record holds and derivations that are implemented', () => {
    for (const item of kprDataset) {
      const s = item.source;
      if (s.kind === 'column') expect(recordColumns, item.key).toContain(s.column);
      if (s.kind === 'derived') {
        expect(Object.keys(DERIVATIONS), item.key).toContain(s.rule);
        for (const c of s.columns) expect(recordColumns, item.key).toContain(c);
      }
    }
  });

  it('has no field typed only for reporting; the one item not held is optional', () => {
    expect(fieldsTypedOnlyForReporting()).toBe(0);
    expect(fieldsNotReported()).toBe(1);
    expect(kprDataset.filter((i) => i.source.kind === 'notHeld').map((i) => [i.key, i.required])).toEqual([
      ['diagnoses', false],
    ]);
  });

  it('would count an item someone has to type, and a required item the record lacks', () => {
    const extra: KprItem[] = [
      { ...kprDataset[0], key: 'a', typedOnlyForReporting: true },
      { ...kprDataset[0], key: 'b', required: true, source: { kind: 'notHeld', why: 'x' } },
    ];
    expect(fieldsTypedOnlyForReporting([...kprDataset, ...extra])).toBe(2);
  });
});

describe('derivations and validation', () => {
  it('reads sex from the ninth digit', () => {
    expect(sexFromNationalId('01814012324')).toBe(1);
    expect(sexFromNationalId('12834545606')).toBe(2);
    expect(sexFromNationalId('123')).toBeNull();
  });

  const person = { id: '00000000-0000-4000-8000-000000000001', givenName: 'A', familyName: 'B', team: null };
  it('finds an invalid number, missing decision and assessment', () => {
    const p = { ...person, nationalId: '01814012325', birthDate: '1940-01-01' };
    const kpr = toKprPerson(p, '0301', [], undefined);
    expect(problemCodes(p, kpr, { to: '2026-12-31', awaitingCosign: false })).toEqual([
      'nationalId.invalid',
      'decision.missing',
      'assessment.missing',
    ]);
  });

  it('writes one CSV line per service, and one for a person without', () => {
    const p = { ...person, nationalId: '45826024546', birthDate: '1960-02-05' };
    const items = Object.fromEntries(assessmentItems.map((i) => [i, 2]));
    const withTwo = toKprPerson(
      p,
      '0301',
      [
        {
          recipientId: p.id,
          serviceType: 'praktisk_bistand',
          decidedOn: '2026-01-10',
          validFrom: '2026-01-15',
          inForceUntil: null,
          hoursPerWeek: 2,
        },
        {
          recipientId: p.id,
          serviceType: 'trygghetsalarm',
          decidedOn: '2026-01-10',
          validFrom: '2026-01-15',
          inForceUntil: '2026-09-30',
          hoursPerWeek: 0,
        },
      ],
      { recipientId: p.id, assessedOn: '2026-01-12', items },
    );
    const lines = kprCsv([withTwo, toKprPerson(p, '0301', [], undefined)]).split('\r\n');
    expect(lines.slice(1, 4)).toEqual([
      `45826024546;D;1960;1;0301;1;praktisk_bistand;2026-01-10;2026-01-15;;2;2026-01-12;${Array(17).fill(2).join(';')}`,
      `45826024546;D;1960;1;0301;6;trygghetsalarm;2026-01-10;2026-01-15;2026-09-30;;2026-01-12;${Array(17).fill(2).join(';')}`,
      `45826024546;D;1960;1;0301${';'.repeat(24)}`,
    ]);
  });
});
