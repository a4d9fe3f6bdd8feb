/**
 * How the person's access log names what happened (pure, tested in portal.log.test.ts). The
 * audit log's actions are the modules' own names (`record.read`, `care.measure.change`, …);
 * the person is told whether their record was read or changed, or an attempt was refused.
 */
const READ_VERBS = ['read', 'view', 'list', 'board', 'letter', 'chart', 'export', 'overview', 'summary'];

export function whatHappened(action: string, basis: string): 'read' | 'write' | 'refused' {
  if (basis === 'denied') return 'refused';
  const words = action.split(/[._]/);
  return words.some((w) => READ_VERBS.includes(w)) ? 'read' : 'write';
}

/** The reader's role as the person is told it: the staff member's profession, or «next of kin». */
export function readerRole(user: { role: string; profession: string | null } | undefined): string | null {
  if (!user) return null;
  if (user.role === 'citizen') return 'nextOfKin';
  return user.profession ?? user.role;
}
