#!/usr/bin/env node
// The half of the module boundaries an import checker cannot see: SQL. A module reads another
// module's tables only if the owner publishes them in its read model (`<module>.readmodel.ts`,
// which re-exports them), and writes only its own tables. dependency-cruiser
// (.dependency-cruiser.cjs) checks the imports; this checks the SQL written in template strings
// and the drizzle insert/update/delete calls. Tests are exempt: they build fixtures.
// Usage: node scripts/boundaries-sql.mjs   (exits 1 and names each finding)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every SQL crossing of a module boundary under `root` (one folder per module): writes to
 * another module's table, and reads of a table its owner does not publish.
 */
export function sqlCrossings(root) {
  const modules = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const filesOf = (m) => readdirSync(join(root, m)).filter((f) => f.endsWith('.ts'));

  /** SQL name and drizzle name of every table, with its owning module. */
  const tables = [];
  for (const m of modules)
    for (const f of filesOf(m).filter((f) => f.endsWith('.tables.ts'))) {
      const text = readFileSync(join(root, m, f), 'utf8');
      for (const x of text.matchAll(/export const (\w+) = pgTable\(\s*'(\w+)'/g))
        tables.push({ module: m, js: x[1], sql: x[2] });
    }

  /** The tables each module publishes: the names its read model re-exports. */
  const published = new Set();
  for (const m of modules)
    for (const f of filesOf(m).filter((f) => f.endsWith('.readmodel.ts'))) {
      const text = readFileSync(join(root, m, f), 'utf8');
      for (const x of text.matchAll(/export\s*\{([^}]*)\}\s*from\s*'\.\/[\w.]+\.tables\.ts'/g))
        for (const name of x[1].split(',').map((s) => s.trim().replace(/^type\s+/, '')))
          for (const t of tables) if (t.module === m && t.js === name) published.add(t.sql);
    }

  const bySql = new Map(tables.map((t) => [t.sql, t]));
  const byJs = new Map(tables.map((t) => [t.js, t]));
  const names = [...bySql.keys()].sort((a, b) => b.length - a.length).join('|');
  const readRe = new RegExp(`\\b(?:FROM|JOIN)\\s+(${names})\\b`, 'gi');
  const writeRe = new RegExp(`\\b(?:UPDATE|INSERT\\s+INTO|DELETE\\s+FROM)\\s+(${names})\\b`, 'gi');
  const drizzleWriteRe = /\.(?:insert|update|delete)\(\s*(\w+)\s*\)/g;

  const findings = [];
  for (const m of modules)
    for (const f of filesOf(m).filter((f) => !f.includes('.test.'))) {
      const file = join(root, m, f);
      const text = readFileSync(file, 'utf8');
      const line = (index) => text.slice(0, index).split('\n').length;
      for (const x of text.matchAll(writeRe)) {
        const t = bySql.get(x[1].toLowerCase());
        if (t.module !== m) findings.push(`${file}:${line(x.index)} writes ${t.sql}, a table of ${t.module}`);
      }
      for (const x of text.matchAll(drizzleWriteRe)) {
        const t = byJs.get(x[1]);
        if (t && t.module !== m) findings.push(`${file}:${line(x.index)} writes ${t.sql}, a table of ${t.module}`);
      }
      for (const x of text.matchAll(readRe)) {
        const t = bySql.get(x[1].toLowerCase());
        if (t.module !== m && !published.has(t.sql))
          findings.push(`${file}:${line(x.index)} reads ${t.sql}, which ${t.module} does not publish in a read model`);
      }
    }
  return { findings, tables: tables.length, modules: modules.length, published: published.size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = sqlCrossings('apps/server/src/modules');
  if (r.findings.length) {
    console.error(
      `SQL across module boundaries (${r.findings.length}):\n${r.findings.map((s) => `  ${s}`).join('\n')}`,
    );
    process.exit(1);
  }
  console.log(`SQL boundaries: ${r.tables} tables in ${r.modules} modules, ${r.published} published; no findings.`);
}
