import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** /work/shared (CI: <clone>/../shared). */
export const sharedDir = path.resolve(here, '..', '..', '..', '..', '..', 'shared');
export const exampleProblemText = () => readFileSync(path.join(sharedDir, 'formats', 'example-problem.json'), 'utf8');
export const exampleSolutionText = () => readFileSync(path.join(sharedDir, 'formats', 'example-solution.json'), 'utf8');
export const solomonText = (name: string) =>
  readFileSync(path.join(sharedDir, 'data', 'solomon', `${name}.txt`), 'utf8');
