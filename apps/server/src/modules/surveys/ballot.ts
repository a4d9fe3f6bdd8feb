/**
 * The ballot box: how an anonymous answer is stored so that nothing ties it to the person.
 *
 * Using up a survey link (or a pulse receipt) and storing the answer must happen in one
 * transaction — otherwise a crash could lose the answer or let the link be used twice. But rows
 * written in one transaction share `xmin` and commit order, and rows appended one by one lie in
 * the table in the order they came: a join would tie each answer to its link, and so to its
 * person. So the answer is first *held* (`survey_held`, `pulse_held`: the answer and its cell,
 * no time, a random id), in the link's transaction, and later *written* to the results table
 * in batches: one transaction deletes a set of held answers of one cell and inserts them in a
 * cryptographically shuffled order. A written answer then shares its `xmin`, commit and
 * neighbourhood with the rest of its batch only, and has no time finer than its quarter and an
 * id that is random (UUID v4).
 *
 * Batches: a closed quarter's held answers are all written (the results are read only then);
 * in a running quarter, once a cell holds 2 × MIN_GROUP answers, a random all-but-MIN_GROUP of
 * them are written, so every batch — the quarter's last one too — has at least MIN_GROUP answers
 * whenever the cell has that many at all. Writing is idempotent and safe to repeat: a crash
 * before its commit leaves the held answers held; after, they are gone from the box.
 *
 * Held answers are written after each new answer and before any results are read. A shared
 * advisory lock per box is held by every answering transaction and an exclusive one by every
 * writing transaction, so writing waits for answers still being committed.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../../time/clock.ts';
import { isClosed, quarterAt } from './quarters.ts';
import { MIN_GROUP } from '@tillit/contracts';

/** Advisory lock keys, one per box. */
export const BOX_LOCK = { survey: 71170001, pulse: 71170002 } as const;

/** Fisher–Yates with a cryptographic random source: the order rows are written in says nothing. */
export function shuffle<T>(items: readonly T[], random: (max: number) => number = randomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A held answer as the box sees it: its id, its cell (group) and its quarter. */
export interface HeldKey {
  id: string;
  cell: string;
  quarter: string;
}

/**
 * Which held answers are written now (pure): every answer of a closed quarter; in a running
 * quarter, from a cell holding at least 2 × `min`, a random choice of all but `min` of them.
 */
export function dueForWriting(held: HeldKey[], now: Date, min = MIN_GROUP, mix = shuffle<HeldKey>): string[] {
  const cells = new Map<string, HeldKey[]>();
  for (const h of held) {
    const key = `${h.quarter}|${h.cell}`;
    cells.set(key, [...(cells.get(key) ?? []), h]);
  }
  const due: string[] = [];
  for (const answers of cells.values()) {
    if (isClosed(answers[0].quarter, now)) due.push(...answers.map((a) => a.id));
    else if (answers.length >= 2 * min)
      due.push(
        ...mix(answers)
          .slice(min)
          .map((a) => a.id),
      );
  }
  return due;
}

/**
 * Runs `work` (use up the link or receipt, hold the answer) in one transaction under the box's
 * shared lock, passing the quarter the answer is filed under (read from the clock after the lock).
 */
export function holdAnswer<T>(
  db: Db,
  lock: number,
  clock: Clock,
  work: (tx: Tx, quarter: string) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock_shared(${lock}::bigint)`);
    return work(tx, quarterAt(clock.now()));
  });
}

/** One box: how to list its held answers, take some out (deleting them), and write them. */
export interface BallotBox<R> {
  lock: number;
  list(tx: Tx): Promise<HeldKey[]>;
  take(tx: Tx, ids: string[]): Promise<R[]>;
  write(tx: Tx, rows: R[]): Promise<void>;
}

/** Writes the answers that are due at `now`, shuffled, in one transaction; returns how many. */
export function writeDue<R>(db: Db, box: BallotBox<R>, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${box.lock}::bigint)`);
    const ids = dueForWriting(await box.list(tx), now);
    if (ids.length === 0) return 0;
    const rows = shuffle(await box.take(tx, ids));
    await box.write(tx, rows);
    return rows.length;
  });
}

/**
 * After an answer is committed: write what is due. The answer is safe in the box already, so a
 * failure here must not fail the answer (the next answer or the next results read writes it).
 */
export async function writeDueAfterAnswer<R>(db: Db, box: BallotBox<R>, now: Date): Promise<void> {
  await writeDue(db, box, now).catch(() => undefined);
}
