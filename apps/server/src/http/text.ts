import { validatorCompiler } from 'fastify-type-provider-zod';
import { badInput } from './errors.ts';

/** NUL, or a UTF-16 surrogate without its partner: neither can be stored as text in PostgreSQL. */
function problemOf(text: string): BadText['code'] | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'text.nul';
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return 'text.surrogate';
      i++; // a whole pair
    } else if (c >= 0xdc00 && c <= 0xdfff) return 'text.surrogate';
  }
  return null;
}

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
  // Each entry points at its parent instead of carrying a copy of its path: copying the path
  // at every level made a deeply nested body cost the square of its depth (one request with
  // 100,000 levels held the server for minutes). The path is built only for the bad text.
  const stack: [unknown, PathNode | null][] = [[input, null]];
  while (stack.length > 0) {
    const [value, node] = stack.pop()!;
    if (typeof value === 'string') {
      const code = problemOf(value);
      if (code) return { field: pathOf(node), code };
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const code = problemOf(key);
        if (code) return { field: pathOf(node), code };
        stack.push([inner, { key, parent: node }]);
      }
    }
  }
  return null;
}

interface PathNode {
  key: string;
  parent: PathNode | null;
}

function pathOf(node: PathNode | null): string {
  const keys: string[] = [];
  for (let n = node; n; n = n.parent) keys.push(n.key);
  return keys.reverse().join('.') || '(body)';
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
