import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from './client.ts';

it('does not let two handles open one PGlite folder', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tillit-data-'));
  const first = await openDatabase({ dataDir: dir });
  await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process/);
  await first.close();
  const again = await openDatabase({ dataDir: dir });
  await again.close();
});
