import { comingVisits } from '../care/index.ts';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.ts';
import type { Actor } from '../../http/actor.ts';
import { badInput, forbidden } from '../../http/errors.ts';
import { refusal } from '../access/index.ts';
import { appendAudit } from '../audit/index.ts';
import { portalInvite } from '../surveys/index.ts';
import { accessLogOf, consentsOf, messagesOf, planOf } from './portal.data.ts';
import { exportOf } from './portal.export.ts';
import { renderExportPdf } from './portal.pdf.ts';
import { setConsent } from './portal.staff.ts';
import { loadViewer, openFor, portalAudit, portalRead } from './portal.viewer.ts';
import { portalMessages } from './portal.tables.ts';

/**
 * «Min side» for a citizen (role `citizen`), bound to the actor: every method finds the person
 * from the actor's portal account (never from the request), lets a next of kin in only with the
 * person's live consent, and writes its audit row (basis `portal`) before data leaves.
 */
export class PortalRepository {
  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
  ) {}

  /** Whose pages these are. A next of kin without consent learns nothing of the person. */
  async me() {
    const viewer = await loadViewer(this.db, this.actor.userId);
    if (!viewer)
      throw await refusal(this.db, this.actor, 'portal.me', forbidden('no_portal_account', 'This log-in has no pages'));
    const kind = viewer.nextOfKinId ? ('nextOfKin' as const) : ('self' as const);
    if (!viewer.consent) return { viewer: kind, person: null, consent: false };
    const [person] = rowsOf<{ givenName: string; familyName: string }>(
      await this.db.execute(
        sql`SELECT given_name AS "givenName", family_name AS "familyName" FROM recipient WHERE id = ${viewer.recipientId}`,
      ),
    );
    return { viewer: kind, person, consent: true };
  }

  plan() {
    return portalRead(this.db, this.actor, 'portal.plan.read', (v) => planOf(this.db, v.recipientId));
  }

  visits() {
    const from = this.actor.today;
    return portalRead(this.db, this.actor, 'portal.visits.read', async (v) => ({
      from,
      visits: await comingVisits(this.db, v.recipientId, from, 7),
    }));
  }

  messages() {
    return portalRead(this.db, this.actor, 'portal.messages.read', (v) => messagesOf(this.db, v.recipientId));
  }

  accessLog() {
    return portalRead(this.db, this.actor, 'portal.accesslog.read', (v) => accessLogOf(this.db, v.recipientId));
  }

  exportJson() {
    return portalRead(this.db, this.actor, 'portal.export_json', (v) =>
      exportOf(this.db, v.recipientId, this.actor.now),
    );
  }

  async exportPdf() {
    const data = await portalRead(this.db, this.actor, 'portal.export_pdf', (v) =>
      exportOf(this.db, v.recipientId, this.actor.now),
    );
    return renderExportPdf(data);
  }

  /** A message to the serving team, stored with its audit row in one transaction. */
  async sendMessage(text: string) {
    const viewer = await openFor(this.db, this.actor, 'portal.message.send');
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(portalMessages)
        .values({ recipientId: viewer.recipientId, sentBy: this.actor.userId, text })
        .returning({ id: portalMessages.id, sentAt: portalMessages.sentAt });
      await appendAudit(tx, portalAudit(this.actor, viewer, 'portal.message.send'));
      return { id: row.id, from: this.actor.displayName, text, sentAt: row.sentAt };
    });
  }

  async surveyLink() {
    const viewer = await openFor(this.db, this.actor, 'portal.survey.link');
    return this.db.transaction(async (tx) => {
      const link = await portalInvite(tx, viewer.recipientId, this.actor.userId, this.actor.today);
      await appendAudit(tx, portalAudit(this.actor, viewer, 'portal.survey.link'));
      return link;
    });
  }

  /** The consents are the person's own to give: a next of kin is refused (403, `denied` row). */
  private async asThePerson(action: string) {
    const viewer = await openFor(this.db, this.actor, action);
    if (viewer.nextOfKinId) {
      const error = forbidden('only_the_person', 'Only the person can give or withdraw consent');
      await this.db.transaction((tx) =>
        appendAudit(tx, {
          ...portalAudit(this.actor, viewer, action),
          basis: 'denied',
          details: { refused: error.code },
        }),
      );
      throw error;
    }
    return viewer;
  }

  async consents() {
    const viewer = await this.asThePerson('portal.consents.read');
    const result = await consentsOf(this.db, viewer.recipientId);
    await this.db.transaction((tx) => appendAudit(tx, portalAudit(this.actor, viewer, 'portal.consents.read')));
    return result;
  }

  async setConsent(nextOfKinId: string, given: boolean) {
    const action = given ? 'portal.consent.give' : 'portal.consent.revoke';
    const viewer = await this.asThePerson(action);
    await this.db.transaction(async (tx) => {
      const ok = await setConsent(tx, viewer.recipientId, nextOfKinId, given, this.actor.userId, 'portal');
      if (!ok) throw badInput([{ field: 'nextOfKinId', code: 'unknown', message: 'Not one of your next of kin' }]);
      await appendAudit(tx, portalAudit(this.actor, viewer, action, { nextOfKinId }));
    });
    return consentsOf(this.db, viewer.recipientId);
  }
}
