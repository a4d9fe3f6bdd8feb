import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, DataDirLockedError } from './lock.ts';

const tmp = () => path.join(mkdtempSync(path.join(tmpdir(), 'tillit-lock-')), 'tillit.lock');
const lockModule = fileURLToPath(new URL('./lock.ts', import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** Another Tillit process: takes the lock and holds it until killed. */
async function holderProcess(file: string) {
  const code = `import { acquireLock } from ${JSON.stringify(lockModule)};
    await acquireLock(process.argv[1]); console.log('held'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (c) => reject(new Error(`holder exited with ${c}`)));
  });
  return child;
}

const exit = (child: ChildProcess) => new Promise((r) => child.once('exit', r));

describe('data folder lock', () => {
  it('refuses a second process while the first lives, naming it, and lets it in once the first has stopped', async () => {
    const file = tmp();
    const first = await holderProcess(file);
    const refused = acquireLock(file, { waitSeconds: 0 });
    await expect(refused).rejects.toThrow(DataDirLockedError);
    await expect(acquireLock(file, { waitSeconds: 0 })).rejects.toThrow(new RegExp(`process ${first.pid}`));
    first.kill('SIGTERM');
    await exit(first);
    const release = await acquireLock(file);
    await release();
  });

  it('is free again after the holder is killed with SIGKILL (nothing to clean up by hand)', async () => {
    const file = tmp();
    const first = await holderProcess(file);
    first.kill('SIGKILL');
    await exit(first);
    const release = await acquireLock(file);
    await release();
  });

  it('ignores a note that names this very process id (a container reusing ids after a kill)', async () => {
    const file = tmp();
    writeFileSync(file, JSON.stringify({ pid: process.pid, since: '2026-01-01T00:00:00.000Z' }));
    const release = await acquireLock(file, { waitSeconds: 0 });
    await release();
  });

  it('decides nothing from an empty or half-written note: free when nobody holds it, refused while someone does', async () => {
    for (const note of ['', '{"pid": 12']) {
      const file = tmp();
      writeFileSync(file, note);
      const release = await acquireLock(file, { waitSeconds: 0 });
      writeFileSync(file, note); // the holder's note is lost, the lock is not
      await expect(acquireLock(file, { waitSeconds: 0 })).rejects.toThrow(/in use by another process/);
      await release();
    }
  });

  it('refuses a second open in the same process, and can be taken again at once after release', async () => {
    const file = tmp();
    const release = await acquireLock(file);
    await expect(acquireLock(file, { waitSeconds: 0 })).rejects.toThrow(DataDirLockedError);
    await release();
    const again = await acquireLock(file, { waitSeconds: 0 });
    await again();
  });
});
