import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { teams } from '../organisation/organisation.readmodel.ts';
import { teamNotes } from './dialogue.tables.ts';
import type { NoteInput, NotePatch } from '@tillit/contracts';
import { refusal } from '../access/index.ts';

/**
 * The team's own notes and actions: read and written by the team's members only (it is the
 * team's working list, not a report upward). Others are refused and the refusal logged.
 */
async function teamOwn(db: Db, actor: Actor, teamId: string, action: string) {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) throw notFound('Team');
  if (actor.role !== 'member' || !actor.teamIds.includes(teamId))
    throw await refusal(db, actor, action, forbidden('not_your_team', 'Only the team’s own members see its notes'), {
      teamId,
    });
}

const present = (n: typeof teamNotes.$inferSelect) => ({
  id: n.id,
  kind: n.kind,
  text: n.text,
  ownerRole: n.ownerRole,
  dueDate: n.dueDate,
  done: n.done,
  createdAt: n.createdAt.toISOString(),
  version: n.version,
});

/** Open items first (by due date), then done ones, newest first. */
export async function listNotes(db: Db, actor: Actor, teamId: string) {
  await teamOwn(db, actor, teamId, 'team.notes.read');
  const rows = await db
    .select()
    .from(teamNotes)
    .where(eq(teamNotes.teamId, teamId))
    .orderBy(asc(teamNotes.done), asc(teamNotes.dueDate), desc(teamNotes.createdAt));
  return rows.map(present);
}

export async function addNote(db: Db, actor: Actor, teamId: string, input: NoteInput) {
  await teamOwn(db, actor, teamId, 'team.notes.write');
  const [row] = await db
    .insert(teamNotes)
    .values({ teamId, kind: input.kind, text: input.text, ownerRole: input.ownerRole, dueDate: input.dueDate ?? null })
    .returning();
  return present(row);
}

export async function updateNote(db: Db, actor: Actor, teamId: string, noteId: string, patch: NotePatch) {
  await teamOwn(db, actor, teamId, 'team.notes.write');
  const [current] = await db
    .select()
    .from(teamNotes)
    .where(and(eq(teamNotes.id, noteId), eq(teamNotes.teamId, teamId)));
  if (!current) throw notFound('Note');
  const { version, ...changes } = patch;
  // Guarded in the statement itself: of two members ticking the same note, the second is told.
  const [row] = await db
    .update(teamNotes)
    .set({ ...changes, version: sql`${teamNotes.version} + 1` })
    .where(and(eq(teamNotes.id, noteId), eq(teamNotes.version, version)))
    .returning();
  if (!row) {
    const [now] = await db.select().from(teamNotes).where(eq(teamNotes.id, noteId));
    throw conflict('stale_version', 'Someone in the team changed this note first. Look at it again.', {
      current: now ? present(now) : null,
    });
  }
  return present(row);
}
