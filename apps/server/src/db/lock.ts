import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * PGlite is a single-process database: two processes opening one data folder corrupt it,
 * and nothing in PGlite prevents that. This lock does.
 *
 * It is an exclusive flock(2) on `tillit.lock`, held by a small `flock` process (util-linux,
 * an essential Debian package; Node has no flock of its own) whose standard input is a pipe
 * from us: when we exit — however, SIGKILL included — the pipe closes, the holder exits and
 * the operating system releases the lock. So no lock can go stale, and its contents (which
 * process holds it, since when) are only a note for the error message: an empty, half-written
 * or old note, or one that names a process id reused by someone else, decides nothing.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: { pid?: number; since?: string },
  ) {
    super(
      `The database folder is in use by ${holder.pid ? `process ${holder.pid}` : 'another process'}` +
        `${holder.since ? ` (since ${holder.since})` : ''}. ` +
        `Stop that process first, or set TILLIT_DATA_DIR to another folder. Lock file: ${lockPath}`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** flock's exit code when the lock stays taken for the whole wait (EX_TEMPFAIL). */
const CONFLICT = 75;

export interface LockOptions {
  /**
   * How long to wait for a holder to let go. A holder that was just killed needs a few
   * milliseconds before the OS has released its lock, so the default is a few seconds.
   */
  waitSeconds?: number;
  /** Called when the holder process dies while we still hold the lock (the data is unguarded). */
  onLost?: () => void;
}

function readNote(lockPath: string): { pid?: number; since?: string } {
  try {
    const note = JSON.parse(readFileSync(lockPath, 'utf8'));
    return { pid: Number(note.pid) || undefined, since: typeof note.since === 'string' ? note.since : undefined };
  } catch {
    return {};
  }
}

const lostByDefault = () => {
  console.error('The lock on the database folder was lost (its holder process ended). Stopping to protect the data.');
  process.exit(70);
};

/**
 * Takes the lock or throws DataDirLockedError; resolves to the function that releases it
 * (which resolves once the OS has let go, so the same process may take it again at once).
 */
export async function acquireLock(lockPath: string, opts: LockOptions = {}): Promise<() => Promise<void>> {
  const wait = opts.waitSeconds ?? 3;
  const mode = wait > 0 ? ['--timeout', String(wait)] : ['--nonblock'];
  // detached: a Ctrl-C on the terminal reaches only us, so the lock is held until we have closed the data.
  const holder = spawn(
    'flock',
    ['--exclusive', ...mode, '--conflict-exit-code', String(CONFLICT), lockPath, 'sh', '-c', 'echo locked; exec cat'],
    { stdio: ['pipe', 'pipe', 'inherit'], detached: true },
  );
  let released = false;
  await new Promise<void>((resolve, reject) => {
    holder.once('error', (err) =>
      reject(new Error(`Could not lock ${lockPath}: the flock command (util-linux) is needed (${err.message})`)),
    );
    holder.stdout.once('data', () => resolve());
    holder.once('exit', (code) =>
      reject(
        code === CONFLICT
          ? new DataDirLockedError(lockPath, readNote(lockPath))
          : new Error(`Could not lock ${lockPath}: flock exited with ${code}`),
      ),
    );
  });
  holder.removeAllListeners('exit');
  holder.on('exit', () => {
    if (!released) (opts.onLost ?? lostByDefault)();
  });
  writeFileSync(lockPath, JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
  // The holder must not keep our process alive; it lives exactly as long as we do.
  holder.unref();
  (holder.stdin as unknown as { unref(): void }).unref();
  (holder.stdout as unknown as { unref(): void }).unref();
  const exited = new Promise<void>((resolve) => holder.once('exit', () => resolve()));
  return async () => {
    if (!released) {
      released = true;
      holder.ref(); // wait for it even when nothing else keeps the process running
      holder.stdin.end();
    }
    await exited;
  };
}
