import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Clock } from '../../time/clock.ts';
import { markChangesSeen, myChanges } from './planning.changes.ts';
import { candidatesFor, lockDay, lockVisit, unlock } from './planning.locks.ts';
import { createRun, publishRun, rerun, runOf, type Enqueue } from './planning.runs.ts';
import * as s from './planning.schema.ts';
import { planView } from './planning.view.ts';
import { createVisitingLink, visitingView } from './visiting.ts';
import {
  addAbsence,
  addRotaEntry,
  latestRuns,
  removeAbsence,
  removeRotaEntry,
  reportSick,
  teamRota,
} from './rota.repository.ts';

export function planningRoutes(app: FastifyInstance, db: Db, enqueue: Enqueue, clock: Clock, visitingLinkDays: number) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/planning/teams/:teamId/plan',
    { schema: { params: s.teamParams, querystring: s.periodQuery }, config: { access: access.team('teamId') } },
    (req) => planView(db, req.actor, { teamId: req.params.teamId, from: req.query.from, days: req.query.days }),
  );
  r.get(
    '/api/planning/teams/:teamId/runs',
    { schema: { params: s.teamParams }, config: { access: access.team('teamId') } },
    (req) => latestRuns(db, req.actor, req.params.teamId),
  );
  r.post(
    '/api/planning/teams/:teamId/runs',
    { schema: { params: s.teamParams, body: s.newRunBody }, config: { access: access.team('teamId') } },
    async (req, reply) => {
      const run = await createRun(db, req.actor, req.params.teamId, { ...req.body, kind: 'period' }, enqueue);
      return reply.status(202).send(run);
    },
  );
  r.get(
    '/api/planning/runs/:runId',
    { schema: { params: s.runParams }, config: { access: access.team('runId', 'planRun') } },
    (req) => planView(db, req.actor, { runId: req.params.runId }),
  );
  // Polled by the page while the optimizer works: status and progress only, nothing about people.
  r.get(
    '/api/planning/runs/:runId/status',
    { schema: { params: s.runParams }, config: { access: access.team('runId', 'planRun') } },
    async (req) => {
      const run = await runOf(db, req.actor, req.params.runId);
      return {
        id: run.id,
        status: run.status,
        progress: run.progress,
        errorCode: run.errorCode,
        timeLimitSeconds: run.timeLimitSeconds,
      };
    },
  );
  r.post(
    '/api/planning/runs/:runId/rerun',
    { schema: { params: s.runParams, body: s.rerunBody }, config: { access: access.team('runId', 'planRun') } },
    async (req, reply) =>
      reply.status(202).send(await rerun(db, req.actor, req.params.runId, req.body.timeLimitSeconds, enqueue)),
  );
  r.post(
    '/api/planning/runs/:runId/publish',
    { schema: { params: s.runParams }, config: { access: access.team('runId', 'planRun') } },
    (req) => publishRun(db, req.actor, req.params.runId),
  );

  r.get(
    '/api/planning/visits/:visitId/candidates',
    { schema: { params: s.visitParams }, config: { access: access.team('visitId', 'visit') } },
    (req) => candidatesFor(db, req.actor, req.params.visitId),
  );
  r.post(
    '/api/planning/visits/:visitId/lock',
    { schema: { params: s.visitParams, body: s.lockBody }, config: { access: access.team('visitId', 'visit') } },
    (req) => lockVisit(db, req.actor, req.params.visitId, req.body.staffId),
  );
  r.post(
    '/api/planning/teams/:teamId/day-locks',
    { schema: { params: s.teamParams, body: s.dayLockBody }, config: { access: access.team('teamId') } },
    (req) => lockDay(db, req.actor, req.params.teamId, req.body.staffId, req.body.date),
  );
  r.delete(
    '/api/planning/locks/:id',
    { schema: { params: s.idParams }, config: { access: access.team('id', 'planLock') } },
    (req) => unlock(db, req.actor, req.params.id),
  );

  r.get(
    '/api/planning/teams/:teamId/rota',
    { schema: { params: s.teamParams }, config: { access: access.team('teamId') } },
    (req) => teamRota(db, req.actor, req.params.teamId),
  );
  r.post(
    '/api/planning/teams/:teamId/rota',
    { schema: { params: s.teamParams, body: s.rotaEntryBody }, config: { access: access.team('teamId') } },
    async (req, reply) => reply.status(201).send(await addRotaEntry(db, req.actor, req.params.teamId, req.body)),
  );
  r.delete(
    '/api/planning/rota/:id',
    { schema: { params: s.idParams }, config: { access: access.team('id', 'rotaEntry') } },
    (req) => removeRotaEntry(db, req.actor, req.params.id),
  );
  r.post(
    '/api/planning/teams/:teamId/absences',
    { schema: { params: s.teamParams, body: s.absenceBody }, config: { access: access.team('teamId') } },
    async (req, reply) => reply.status(201).send(await addAbsence(db, req.actor, req.params.teamId, req.body)),
  );
  r.delete(
    '/api/planning/absences/:id',
    { schema: { params: s.idParams }, config: { access: access.team('id', 'absence') } },
    (req) => removeAbsence(db, req.actor, req.params.id),
  );
  r.post(
    '/api/planning/teams/:teamId/sick',
    { schema: { params: s.teamParams, body: s.sickBody }, config: { access: access.team('teamId') } },
    async (req, reply) => reply.status(202).send(await reportSick(db, req.actor, req.params.teamId, req.body, enqueue)),
  );

  r.post(
    '/api/recipients/:id/visiting-link',
    { schema: { params: s.idParams, body: s.visitingLinkBody }, config: { access: access.record('id', 'serve') } },
    async (req, reply) =>
      reply.status(201).send(await createVisitingLink(db, req.actor, req.params.id, req.body, visitingLinkDays)),
  );
  // Open without a session: the token is the key, and it shows only times and first names.
  r.get('/api/visiting/:token', { schema: { params: s.tokenParams }, config: { access: access.public() } }, (req) =>
    visitingView(db, req.params.token, clock),
  );

  r.get('/api/planning/my-changes', { config: { access: access.session() } }, (req) => myChanges(db, req.actor));
  r.post(
    '/api/planning/my-changes/seen',
    { schema: { body: s.seenBody }, config: { access: access.session() } },
    (req) => markChangesSeen(db, req.actor, req.body.ids),
  );
}
