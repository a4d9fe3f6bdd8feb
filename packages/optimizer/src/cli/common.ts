import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Problem } from '../model.ts';
import { type ProblemFormat, readProblem } from '../readers.ts';

export function loadProblem(file: string, format?: string): Problem {
  const text = readFileSync(file, 'utf8');
  if (format !== undefined && format !== 'solomon' && format !== 'mankowska' && format !== 'json')
    throw new Error(`--format: expected "solomon", "mankowska" or "json", got "${format}"`);
  try {
    return readProblem(text, { filename: file, format: format as ProblemFormat | undefined });
  } catch (e) {
    throw new Error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function numberArg(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (!Number.isFinite(x) || value.trim() === '') throw new Error(`${name}: not a number: "${value}"`);
  return x;
}

/**
 * Parses a command's arguments; prints usage and returns the exit code (0 for --help, 2 for
 * bad arguments or the wrong number of positionals) instead of the values when it should stop.
 */
export function parseCommand<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  positionalCount: number,
  usage: string,
) {
  // biome-ignore lint/suspicious/noImplicitAnyLet: typed by the parseArgs call below, which depends on O
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { ...options, help: { type: 'boolean' } } });
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  if (parsed.positionals.length !== positionalCount) {
    console.error(usage);
    return 2;
  }
  return parsed as {
    values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };
    positionals: string[];
  };
}
