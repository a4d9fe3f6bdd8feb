import { validatorCompiler } from 'fastify-type-provider-zod';
import { badInput } from './errors.ts';

/** NUL, or a UTF-16 surrogate without its partner: neither can be stored as text in PostgreSQL. */
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface BadText {
  /** Dotted path of the value (`nextOfKin.0.name`), `(body)` for the whole input. */
  field: string;
  code: 'text.nul' | 'text.surrogate';
}

/**
 * The first string (value or key) in parsed input that holds NUL or a lone surrogate.
 * Walks with its own stack, so deeply nested input cannot overflow the call stack.
 */
export function findBadText(input: unknown): BadText | null {
  const stack: [unknown, string[]][] = [[input, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const m = BAD_TEXT.exec(value);
      if (m) return { field: path.join('.') || '(body)', code: m[0] === '\u0000' ? 'text.nul' : 'text.surrogate' };
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (BAD_TEXT.test(key)) return { field: path.join('.') || '(body)', code: 'text.nul' };
        stack.push([inner, [...path, key]]);
      }
    }
  }
  return null;
}

/**
 * The zod validator compiler with one check in front, for every schema of every route:
 * text holding NUL or a lone surrogate is refused with 400 naming the field, before any
 * schema or handler sees it. It runs at validation, so after the session check.
 */
export const textCheckedValidatorCompiler: typeof validatorCompiler = (route) => {
  const validate = validatorCompiler(route);
  return (data: unknown) => {
    const bad = findBadText(data);
    if (!bad) return validate(data);
    const message =
      bad.code === 'text.nul' ? 'Text may not contain a NUL character' : 'Text may not contain a broken character';
    return { error: badInput([{ field: bad.field, code: bad.code, message }]) };
  };
};
