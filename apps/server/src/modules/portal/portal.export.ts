import { sql } from 'drizzle-orm';
import { type DbOrTx, rowsOf } from '../../db/client.ts';
import { nextOfKinOf } from '../recipients/index.ts';
import { accessLogOf, consentsOf, messagesOf, planOf } from './portal.data.ts';

/**
 * Everything the record holds about the person, structured (GDPR art. 15 and 20; pasient- og
 * brukerrettighetsloven § 5-1): who they are, next of kin and consents, the plan, every visit
 * with its documentation, changes in condition, shared decisions, service decisions, the
 * messages to the team and the access log. Read through the owning modules' read models and
 * surfaces. Not yet in it: the medication list, observations and incidents (their modules
 * publish no read model for them; see the report of #24).
 */
export async function exportOf(db: DbOrTx, recipientId: string, at: Date) {
  const [person] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT given_name AS "givenName", family_name AS "familyName", birth_date::text AS "birthDate",
                                national_id AS "nationalId", address_line AS "addressLine", postal_code AS "postalCode",
                                city, phone, consent_share_with_next_of_kin AS "consentShareWithNextOfKin",
                                reservation_against_sharing AS "reservationAgainstSharing", reservation_note AS "reservationNote"
                           FROM recipient WHERE id = ${recipientId}`),
  );
  const list = async (query: ReturnType<typeof sql>) => rowsOf<Record<string, unknown>>(await db.execute(query));
  return {
    exportedAt: at.toISOString(),
    person,
    nextOfKin: await nextOfKinOf(db, recipientId),
    consents: (await consentsOf(db, recipientId)).consents,
    plan: await planOf(db, recipientId),
    visits: await list(sql`SELECT v.date::text AS date, v.window_start AS "windowStart", v.window_end AS "windowEnd",
                                  v.status::text AS status, v.checked_in_at AS "checkedInAt", v.checked_out_at AS "checkedOutAt", v.note,
                                  (SELECT json_agg(s.given_name) FROM staff s WHERE s.id IN (v.staff_id, v.second_staff_id)) AS helpers,
                                  (SELECT json_agg(json_build_object('measure', m.title, 'outcome', vm.outcome))
                                     FROM visit_measure vm JOIN measure m ON m.id = vm.measure_id WHERE vm.visit_id = v.id) AS measures
                             FROM visit v WHERE v.recipient_id = ${recipientId} ORDER BY v.date, v.window_start`),
    conditionChanges:
      await list(sql`SELECT text, created_at AS "createdAt", closed_at AS "closedAt", closing_note AS "closingNote"
                                       FROM condition_change WHERE recipient_id = ${recipientId} ORDER BY created_at`),
    sharedDecisions: await list(sql`SELECT question, options, chosen, why, decided_at AS "decidedAt"
                                      FROM shared_decision WHERE recipient_id = ${recipientId} ORDER BY decided_at`),
    serviceDecisions: await list(sql`SELECT service_type::text AS "serviceType", hours_per_week AS "hoursPerWeek",
                                            valid_from::text AS "validFrom", valid_until::text AS "validUntil", status::text AS status,
                                            needs_and_wishes AS "needsAndWishes", reasons, legal_basis AS "legalBasis", decided_at AS "decidedAt"
                                       FROM service_decision WHERE recipient_id = ${recipientId} ORDER BY decided_at`),
    messages: (await messagesOf(db, recipientId)).messages,
    accessLog: (await accessLogOf(db, recipientId, 10_000)).rows,
  };
}

export type PersonExport = Awaited<ReturnType<typeof exportOf>>;
