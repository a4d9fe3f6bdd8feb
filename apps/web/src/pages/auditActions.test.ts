import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../i18n/domains/audit-log.en.json';
import nb from '../i18n/domains/audit-log.nb.json';

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = path.resolve(here, '../../../server/src/modules');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    // statistics.rules.ts names the KPR validation report's problems ('decision.missing'), not audit actions.
    // imports.rules.ts names a refused row's problems ('team.unknown'), not audit actions, likewise.
    if (e.name === 'statistics.rules.ts' || e.name === 'imports.rules.ts') return [];
    return e.name.endsWith('.ts') && !e.name.includes('.test.') ? [full] : [];
  });
}

/** Every audit action code the server writes: the literals of its domains, and the built ones. */
function actionCodes(): string[] {
  const codes = new Set(['conditionChange.take', 'conditionChange.close']);
  const literal =
    /'((?:care|decision|emergency|planning|record|survey|team|trust|visit|visiting|visits|audit|dose|doses|handover|incident|medication|medicines|pillOrganiser|reporting)\.[A-Za-z.]+)'/g;
  for (const f of sources(modules)) {
    for (const m of readFileSync(f, 'utf8').matchAll(literal)) codes.add(m[1].replace(/\.refused$/, ''));
  }
  return [...codes].sort();
}

describe('audit actions in plain words', () => {
  it('has a bokmål and an English text for every action code the server logs', () => {
    const codes = actionCodes();
    expect(codes.length).toBeGreaterThan(40);
    const key = (c: string) => c.replaceAll('.', '_');
    expect(codes.filter((c) => !(key(c) in nb.actions))).toEqual([]);
    expect(codes.filter((c) => !(key(c) in en.actions))).toEqual([]);
  });
});
