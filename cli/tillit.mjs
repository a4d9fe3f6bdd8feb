#!/usr/bin/env node
// Entry point of the `tillit` command. The code base is TypeScript run directly through
// tsx (no separate build step), so this shim registers tsx's loader and hands over.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
