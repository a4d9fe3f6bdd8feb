import { openConfigured, progress } from './shared.ts';

export async function run(): Promise<number> {
  const log = progress('migrate');
  const database = await openConfigured();
  log(`migrated ${database.description}`);
  await database.close();
  return 0;
}
