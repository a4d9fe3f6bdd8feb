import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, DataDirLockedError } from './lock.ts';

const tmp = () => path.join(mkdtempSync(path.join(tmpdir(), 'tillit-lock-')), 'tillit.lock');

describe('data folder lock', () => {
  it('refuses a second holder and names the process holding it', async () => {
    const file = tmp();
    // Another live process holds the lock.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    writeFileSync(file, JSON.stringify({ pid: child.pid, since: '2026-01-01T00:00:00.000Z' }));
    try {
      expect(() => acquireLock(file)).toThrow(DataDirLockedError);
      expect(() => acquireLock(file)).toThrow(new RegExp(`process ${child.pid}`));
    } finally {
      child.kill();
    }
  });

  it('refuses a second open in the same process', () => {
    const file = tmp();
    const release = acquireLock(file);
    expect(() => acquireLock(file)).toThrow(DataDirLockedError);
    release();
    expect(existsSync(file)).toBe(false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const file = tmp();
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.on('exit', r));
    writeFileSync(file, JSON.stringify({ pid: child.pid, since: '2026-01-01T00:00:00.000Z' }));
    const release = acquireLock(file);
    release();
  });
});
