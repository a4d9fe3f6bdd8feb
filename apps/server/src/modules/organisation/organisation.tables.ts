import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Professions in an interdisciplinary home-care team. */
export const professionEnum = pgEnum('profession', [
  'sykepleier',
  'helsefagarbeider',
  'assistent',
  'ergoterapeut',
  'fysioterapeut',
  'saksbehandler',
  'leder',
]);

export const municipalities = pgTable('municipality', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Four-digit municipality number (kommunenummer), e.g. 0301 for Oslo. */
  number: text('number').notNull().unique(),
  name: text('name').notNull(),
});

export const districts = pgTable('district', {
  id: uuid('id').primaryKey().defaultRandom(),
  municipalityId: uuid('municipality_id')
    .notNull()
    .references(() => municipalities.id),
  name: text('name').notNull(),
});

/** The team's area is a GeoJSON polygon ([lon, lat] rings) so the planner can draw and test it offline. */
export type AreaPolygon = { type: 'Polygon'; coordinates: [number, number][][] };

export const teams = pgTable('team', {
  id: uuid('id').primaryKey().defaultRandom(),
  districtId: uuid('district_id')
    .notNull()
    .references(() => districts.id),
  name: text('name').notNull(),
  areaName: text('area_name').notNull(),
  area: jsonb('area').$type<AreaPolygon>(),
  /** Where people reach the team: printed on every decision letter (forvaltningsloven: whom to ask, where to appeal). */
  addressLine: text('address_line'),
  postalCode: text('postal_code'),
  city: text('city'),
  phone: text('phone'),
});

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    profession: professionEnum('profession').notNull(),
    phone: text('phone'),
    email: text('email'),
  },
  (t) => [index('staff_district_idx').on(t.districtId)],
);

/** The catalogue of competences a task may require (legemiddelhåndtering, sårstell, …). */
export const competenceTypes = pgTable('competence_type', {
  code: text('code').primaryKey(),
  nameNb: text('name_nb').notNull(),
  nameEn: text('name_en').notNull(),
});

export const staffCompetences = pgTable(
  'staff_competence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    competenceCode: text('competence_code')
      .notNull()
      .references(() => competenceTypes.code),
    validFrom: date('valid_from').notNull(),
    /** Null = no end date. Delegations usually expire and must be renewed. */
    validUntil: date('valid_until'),
  },
  (t) => [index('staff_competence_staff_idx').on(t.staffId)],
);

export const teamMemberships = pgTable(
  'team_membership',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from').notNull().default(sql`current_date`),
    validUntil: date('valid_until'),
  },
  (t) => [
    index('team_membership_staff_idx').on(t.staffId),
    index('team_membership_team_idx').on(t.teamId),
    uniqueIndex('team_membership_unique_start').on(t.teamId, t.staffId, t.validFrom),
  ],
);
