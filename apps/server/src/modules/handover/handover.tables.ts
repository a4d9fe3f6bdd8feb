import { SHIFTS } from '@tillit/contracts';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, date } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.tables.ts';
import { teams } from '../organisation/organisation.tables.ts';
import { recipients } from '../recipients/recipients.tables.ts';

export const handoverShiftEnum = pgEnum('handover_shift', SHIFTS);

/**
 * «Lest»: one member of the next shift has read one handover item. An item is named by its source
 * (`kind`) and the source row (`source_key`); each user reads it once (the unique index), so two
 * taps, or two devices, leave one row.
 */
export const handoverAcks = pgTable(
  'handover_ack',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    recipientId: uuid('recipient_id').references(() => recipients.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    sourceKey: text('source_key').notNull(),
    /** The shift whose handover it was read in. */
    shiftDate: date('shift_date').notNull(),
    shift: handoverShiftEnum('shift').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    ackedAt: timestamp('acked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('handover_ack_once_idx').on(t.userId, t.kind, t.sourceKey),
    index('handover_ack_team_idx').on(t.teamId, t.shiftDate),
  ],
);
