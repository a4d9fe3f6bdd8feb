/**
 * SMART-style scopes (hl7.org/fhir/smart-app-launch): `user/<Type|*>.<read|write|*>` (v1) or
 * `user/<Type|*>.<cruds>` (v2). A token acts as its bound user, so `user/` is the only context;
 * the scope only narrows what that user could do in the app, never widens it.
 */
import { FHIR_SCOPE } from '@tillit/contracts';

export type FhirMode = 'read' | 'write';

function grants(permissions: string, mode: FhirMode): boolean {
  if (permissions === '*') return true;
  if (permissions === 'read' || permissions === 'write') return permissions === mode;
  // v2: read and search are `r`/`s`; create and update `c`/`u` (delete is never offered).
  return mode === 'read' ? /[rs]/.test(permissions) : /[cu]/.test(permissions);
}

/** Whether any of `scopes` lets the token `mode` resources of `type`. */
export function scopeAllows(scopes: readonly string[], type: string, mode: FhirMode): boolean {
  return scopes.some((scope) => {
    const m = FHIR_SCOPE.exec(scope);
    return !!m && (m[1] === '*' || m[1] === type) && grants(m[2], mode);
  });
}

/**
 * The scopes a token gets: those asked for (space-separated) that the client is registered for,
 * or all the client's scopes when none are asked for. Asking only for unknown ones gives none.
 */
export function grantedScopes(asked: string | undefined, allowed: readonly string[]): string[] {
  const wanted = (asked ?? '').split(/\s+/).filter(Boolean);
  if (wanted.length === 0) return [...allowed];
  return wanted.filter((s) => allowed.includes(s));
}
