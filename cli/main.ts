/**
 * `tillit <verb>`: one dispatcher, each verb a module loaded on demand so that
 * `tillit solve` does not pay for starting the server's dependencies and vice versa.
 * Every command module exports `run(args): Promise<number>` returning the exit code.
 */
type Command = { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> };

const server = '../apps/server/src/cli';
const commands: Record<string, Command> = {
  serve: {
    summary: 'start the server (migrates; demo district on first start)',
    load: () => import(`${server}/serve.ts`),
  },
  migrate: { summary: 'apply database migrations', load: () => import(`${server}/migrate.ts`) },
  demo: {
    summary: 'demo [--full] [--seed N] [--reset] — load a synthetic district',
    load: () => import(`${server}/demo.ts`),
  },
  'user add': {
    summary: 'user add USERNAME --role ROLE --name NAME — create an account',
    load: () => import(`${server}/user-add.ts`),
  },
  import: {
    summary: 'import staff|recipients FILE --as ADMIN [--dry-run] — CSV import, all rows or none',
    load: () => import(`${server}/import.ts`),
  },
  'audit verify': { summary: 'check the audit log hash chain', load: () => import(`${server}/audit-verify.ts`) },
  backup: { summary: 'backup FILE — the whole database to one file', load: () => import(`${server}/backup.ts`) },
  restore: {
    summary: 'restore FILE [--replace] — load a backup (stop the servers first)',
    load: () => import(`${server}/restore.ts`),
  },
  solve: {
    summary: 'solve PROBLEM --time-limit S [--seed N] [--continuity-weight W] --out FILE',
    load: () => import('../packages/optimizer/src/cli/solve.ts'),
  },
  check: {
    summary: 'check PROBLEM SOLUTION — feasibility and figures of a plan',
    load: () => import('../packages/optimizer/src/cli/check.ts'),
  },
};

/** Lets other modules (the server's CLI verbs) register themselves without editing this table twice. */
export function addCommands(more: Record<string, Command>): void {
  Object.assign(commands, more);
}

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  tillit ${name.padEnd(14)} ${c.summary}`);
  return ['Usage:', ...lines].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  // Two-word verbs ("user add", "audit verify") are looked up first.
  const two = verb && rest[0] ? `${verb} ${rest[0]}` : '';
  const name = two && commands[two] ? two : verb;
  const args = name === two ? rest.slice(1) : rest;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(usage());
    return verb && verb !== 'help' && verb !== '--help' ? 2 : 0;
  }
  try {
    const mod = await command.load();
    return await mod.run(args);
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
