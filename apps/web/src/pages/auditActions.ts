import type { TFunction } from 'i18next';

/** The text key of an audit action code: `care.whatMatters.add` → `audit-log.actions.care_whatMatters_add`. */
export const actionKey = (code: string) => `audit-log.actions.${code.replaceAll('.', '_')}`;

/**
 * An audit action in plain words for the administrator («Åpnet journalen», not `record.read`).
 * A refusal (`planning.view.refused`) reads as the action refused; an unknown code shows as itself.
 */
export function actionText(t: TFunction, code: string): string {
  const refused = code.endsWith('.refused');
  const base = refused ? code.slice(0, -'.refused'.length) : code;
  const what = t(actionKey(base), { defaultValue: base });
  return refused ? t('audit-log.refused', { what }) : what;
}
