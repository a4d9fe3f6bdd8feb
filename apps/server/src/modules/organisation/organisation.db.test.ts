import { describe, expect, it } from 'vitest';
import { desc, sql } from 'drizzle-orm';
import { auditLog } from '../audit/audit.tables.ts';
import { buildRecipient } from '../../test/factories.ts';
import { logInAs, useWorldSuite } from '../../test/harness.ts';

const suite = useWorldSuite();

describe('my team', () => {
  it('lists only my own teams for a member, the district for a leader, all for an admin', async () => {
    const names = async (u: string) =>
      (await (await logInAs(suite.app, u)).get('/api/teams')).body.map((t: { name: string }) => t.name);
    expect(await names('anna')).toEqual(['Team Nord']);
    expect(await names('lea')).toEqual(['Team Nord', 'Team Sør']);
    expect(await names('ada')).toEqual(['Team Nord', 'Team Sør']);
  });

  it('shows members with profession and competences valid today', async () => {
    await suite.database.db.execute(sql`INSERT INTO staff_competence (staff_id, competence_code, valid_from, valid_until) VALUES
      (${suite.world.staff.anna.id}, 'sarstell', '2020-01-01', NULL),
      (${suite.world.staff.anna.id}, 'insulin', '2020-01-01', '2021-01-01')`);
    const anna = await logInAs(suite.app, 'anna');
    const { body } = await anna.get(`/api/teams/${suite.world.north.id}`);
    expect(body).toMatchObject({ name: 'Team Nord', recipientCount: 1, canSeeRecipients: true });
    expect(body.members).toEqual([
      expect.objectContaining({
        name: 'Anna Nordmann',
        profession: 'sykepleier',
        competences: [{ code: 'sarstell', validUntil: null }],
      }),
    ]);
  });

  it('lists the people served to members, logging one row naming each person', async () => {
    await buildRecipient(suite.database.db, suite.world.north.id, { givenName: 'Randi' });
    const anna = await logInAs(suite.app, 'anna');
    const res = await anna.get(`/api/teams/${suite.world.north.id}/recipients`);
    expect(res.body.map((p: { givenName: string }) => p.givenName).sort()).toEqual(['Petter', 'Randi']);
    const [row] = await suite.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    expect(row.action).toBe('team.recipients.list');
    expect((row.details as { recipients: string[] }).recipients).toHaveLength(2);
  });

  it('keeps names from leaders and other teams', async () => {
    expect((await (await logInAs(suite.app, 'lea')).get(`/api/teams/${suite.world.north.id}/recipients`)).status).toBe(
      403,
    );
    expect((await (await logInAs(suite.app, 'bo')).get(`/api/teams/${suite.world.north.id}/recipients`)).status).toBe(
      403,
    );
    expect((await (await logInAs(suite.app, 'bo')).get(`/api/teams/${suite.world.north.id}`)).status).toBe(403);
    const lea = await logInAs(suite.app, 'lea');
    expect((await lea.get(`/api/teams/${suite.world.north.id}`)).body).toMatchObject({
      recipientCount: 1,
      canSeeRecipients: false,
    });
  });
});

describe('competences', () => {
  const url = () => `/api/staff/${suite.world.staff.bo.id}/competences`;

  it('are registered by leaders with validity', async () => {
    const lea = await logInAs(suite.app, 'lea');
    const res = await lea.post(url(), {
      competenceCode: 'legemiddelhandtering',
      validFrom: '2026-01-01',
      validUntil: '2027-01-01',
    });
    expect(res.status).toBe(201);
  });

  it.each([
    [{ competenceCode: 'trylling', validFrom: '2026-01-01' }, 'competenceCode'],
    [{ competenceCode: 'sarstell', validFrom: '2026-02-01', validUntil: '2026-01-01' }, 'validUntil'],
    [{ competenceCode: 'sarstell', validFrom: '1. januar' }, 'validFrom'],
  ])('bad input %j names %s and saves nothing', async (payload, field) => {
    const lea = await logInAs(suite.app, 'lea');
    const res = await lea.post(url(), payload);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].field).toBe(field);
    const n = (await suite.database.db.execute(sql`SELECT count(*)::int AS n FROM staff_competence`)).rows[0].n;
    expect(n).toBe(0);
  });

  it('are not registered by team members', async () => {
    const anna = await logInAs(suite.app, 'anna');
    expect((await anna.post(url(), { competenceCode: 'sarstell', validFrom: '2026-01-01' })).status).toBe(403);
  });
});
