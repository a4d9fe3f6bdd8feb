// Module boundaries, checked by dependency-cruiser in `npm test` and `npm run boundaries`.
// The rules and the reasons behind them are described in docs/ARCHITECTURE.md («Module boundaries»).
// Raw SQL cannot be seen by an import checker: scripts/boundaries-sql.mjs checks that part.
const M = '^apps/server/src/modules/';
const TEST = '(\\.test\\.ts$|^apps/server/src/test/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'module-surface',
      comment:
        'A module uses another module only through its public surface (index.ts) or the read model ' +
        'that module publishes (*.readmodel.ts); tables, repositories and helpers stay inside.',
      severity: 'error',
      from: { path: `${M}([^/]+)/`, pathNot: [TEST, '\\.tables\\.ts$'] },
      to: {
        path: M,
        pathNot: [`${M}$1/`, `${M}[^/]+/index\\.ts$`, `${M}[^/]+/[^/]+\\.readmodel\\.ts$`],
      },
    },
    {
      name: 'tables-reference-tables',
      comment: 'A table file may name another module’s tables for foreign keys, and nothing else of it.',
      severity: 'error',
      from: { path: `${M}([^/]+)/[^/]+\\.tables\\.ts$` },
      to: { path: M, pathNot: [`${M}$1/`, `${M}[^/]+/[^/]+\\.tables\\.ts$`] },
    },
    {
      name: 'outside-through-surface',
      comment:
        'Code outside the modules (http, cli, db) uses a module through its index.ts; db/schema.ts and ' +
        'db/catalog.ts gather the tables for drizzle, app.ts registers the route plugins.',
      severity: 'error',
      from: {
        path: '^(apps/server/src/|cli/)',
        pathNot: [M, TEST, '^apps/server/src/app\\.ts$', '^apps/server/src/db/(schema|catalog)\\.ts$'],
      },
      to: { path: M, pathNot: [`${M}[^/]+/index\\.ts$`] },
    },
    {
      name: 'app-registers-routes',
      comment: 'app.ts registers each module’s route plugin (*.routes.ts); other code does not import routes.',
      severity: 'error',
      from: { path: '^apps/server/src/app\\.ts$' },
      to: { path: M, pathNot: [`${M}[^/]+/index\\.ts$`, `${M}[^/]+/[^/]+\\.routes\\.ts$`] },
    },
    {
      name: 'no-module-cycles',
      comment: 'Modules depend on each other in one direction only (surveys and trust once imported each other).',
      severity: 'error',
      from: { path: M, pathNot: TEST },
      to: { circular: true },
    },
    {
      name: 'optimizer-is-a-library',
      comment: 'packages/optimizer is a pure library: it imports nothing from the apps or the CLI.',
      severity: 'error',
      from: { path: '^packages/optimizer/' },
      to: { path: '^(apps|cli)/' },
    },
    {
      name: 'contracts-are-shared',
      comment: 'packages/contracts is shared by server, web and CLI: it imports nothing from them.',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: '^(apps|cli|packages/optimizer)/' },
    },
    {
      name: 'web-is-not-the-server',
      comment: 'The web app talks to the server over HTTP; shared shapes live in packages/contracts.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(apps/server|cli)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a mistake (or a boundary check that sees nothing).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
