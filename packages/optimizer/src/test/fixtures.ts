import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The package's own copies of the shared formats' examples and the public benchmark data. */
export const packageDir = path.resolve(here, '..', '..');
export const exampleProblemText = () => readFileSync(path.join(packageDir, 'formats', 'example-problem.json'), 'utf8');
export const exampleSolutionText = () =>
  readFileSync(path.join(packageDir, 'formats', 'example-solution.json'), 'utf8');
export const solomonText = (name: string) =>
  readFileSync(path.join(packageDir, 'data', 'solomon', `${name}.txt`), 'utf8');
export const hhcrspText = (name: string) =>
  readFileSync(path.join(packageDir, 'data', 'hhcrsp', `InstanzCPLEX_HCSRP_${name}.txt`), 'utf8');
