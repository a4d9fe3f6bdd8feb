import * as c from '@tillit/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { access } from '../../http/access.ts';
import type { Clock } from '../../time/clock.ts';
import { markChangesSeen, myChanges } from './planning.changes.ts';
import { candidatesFor, lockDay, lockVisit, unlock } from './planning.locks.ts';
import { createRun, publishRun, rerun, runOf, type Enqueue } from './planning.runs.ts';
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

/** Every schema named here lives in packages/contracts (planning.ts): input, and output checked by the serializer. */
export function planningRoutes(app: FastifyInstance, db: Db, enqueue: Enqueue, clock: Clock, visitingLinkDays: number) {
  const r = withZod(app);
  runRoutes(r, db, enqueue);
  lockRoutes(r, db);
  rotaRoutes(r, db, enqueue);
  visitingRoutes(r, db, clock, visitingLinkDays);
}

const withZod = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
type Router = ReturnType<typeof withZod>;
const team = { config: { access: access.team('teamId') } };
const ofRun = { config: { access: access.team('runId', 'planRun') } };
const ofVisit = { config: { access: access.team('visitId', 'visit') } };

/** The plan of a period, the optimizer's runs over it, and publishing a proposal. */
function runRoutes(r: Router, db: Db, enqueue: Enqueue) {
  r.get(
    '/api/planning/teams/:teamId/plan',
    {
      ...team,
      schema: { params: c.planTeamParams, querystring: c.planPeriodQuery, response: { 200: c.planViewResponse } },
    },
    (req) => planView(db, req.actor, { teamId: req.params.teamId, from: req.query.from, days: req.query.days }),
  );
  r.get(
    '/api/planning/teams/:teamId/runs',
    { ...team, schema: { params: c.planTeamParams, response: { 200: c.latestRunsResponse } } },
    (req) => latestRuns(db, req.actor, req.params.teamId),
  );
  r.post(
    '/api/planning/teams/:teamId/runs',
    { ...team, schema: { params: c.planTeamParams, body: c.newRunBody, response: { 202: c.queuedRunResponse } } },
    async (req, reply) => {
      const run = await createRun(db, req.actor, req.params.teamId, { ...req.body, kind: 'period' }, enqueue);
      return reply.status(202).send(run);
    },
  );
  r.get(
    '/api/planning/runs/:runId',
    { ...ofRun, schema: { params: c.runParams, response: { 200: c.planViewResponse } } },
    (req) => planView(db, req.actor, { runId: req.params.runId }),
  );
  // Polled by the page while the optimizer works: status and progress only, nothing about people.
  r.get(
    '/api/planning/runs/:runId/status',
    { ...ofRun, schema: { params: c.runParams, response: { 200: c.runStatusResponse } } },
    async (req) => {
      const run = await runOf(db, req.actor, req.params.runId);
      return {
        id: run.id,
        status: run.status,
        progress: run.progress as c.RunProgress,
        errorCode: run.errorCode as c.RunStatus['errorCode'],
        timeLimitSeconds: run.timeLimitSeconds,
      };
    },
  );
  r.post(
    '/api/planning/runs/:runId/rerun',
    { ...ofRun, schema: { params: c.runParams, body: c.rerunBody, response: { 202: c.queuedRunResponse } } },
    async (req, reply) =>
      reply.status(202).send(await rerun(db, req.actor, req.params.runId, req.body.timeLimitSeconds, enqueue)),
  );
  r.post(
    '/api/planning/runs/:runId/publish',
    { ...ofRun, schema: { params: c.runParams, response: { 200: c.publishResponse } } },
    (req) => publishRun(db, req.actor, req.params.runId),
  );
}

/** Who may take a visit, and the locks the team sets before running again. */
function lockRoutes(r: Router, db: Db) {
  r.get(
    '/api/planning/visits/:visitId/candidates',
    { ...ofVisit, schema: { params: c.visitParams, response: { 200: c.candidatesResponse } } },
    (req) => candidatesFor(db, req.actor, req.params.visitId),
  );
  r.post(
    '/api/planning/visits/:visitId/lock',
    { ...ofVisit, schema: { params: c.visitParams, body: c.lockBody, response: { 200: c.lockResponse } } },
    (req) => lockVisit(db, req.actor, req.params.visitId, req.body.staffId),
  );
  r.post(
    '/api/planning/teams/:teamId/day-locks',
    { ...team, schema: { params: c.planTeamParams, body: c.dayLockBody, response: { 200: c.lockResponse } } },
    (req) => lockDay(db, req.actor, req.params.teamId, req.body.staffId, req.body.date),
  );
  r.delete(
    '/api/planning/locks/:id',
    {
      schema: { params: c.planIdParams, response: { 200: c.removedResponse } },
      config: { access: access.team('id', 'planLock') },
    },
    (req) => unlock(db, req.actor, req.params.id),
  );
}

/** The team's rota and absences, and a sick call-in (which queues a run for the day). */
function rotaRoutes(r: Router, db: Db, enqueue: Enqueue) {
  r.get(
    '/api/planning/teams/:teamId/rota',
    { ...team, schema: { params: c.planTeamParams, response: { 200: c.teamRotaResponse } } },
    (req) => teamRota(db, req.actor, req.params.teamId),
  );
  r.post(
    '/api/planning/teams/:teamId/rota',
    {
      ...team,
      schema: { params: c.planTeamParams, body: c.rotaEntryBody, response: { 201: c.rotaEntryResponse } },
    },
    async (req, reply) => reply.status(201).send(await addRotaEntry(db, req.actor, req.params.teamId, req.body)),
  );
  r.delete(
    '/api/planning/rota/:id',
    {
      schema: { params: c.planIdParams, response: { 200: c.removedResponse } },
      config: { access: access.team('id', 'rotaEntry') },
    },
    (req) => removeRotaEntry(db, req.actor, req.params.id),
  );
  r.post(
    '/api/planning/teams/:teamId/absences',
    { ...team, schema: { params: c.planTeamParams, body: c.absenceBody, response: { 201: c.absenceResponse } } },
    async (req, reply) => reply.status(201).send(await addAbsence(db, req.actor, req.params.teamId, req.body)),
  );
  r.delete(
    '/api/planning/absences/:id',
    {
      schema: { params: c.planIdParams, response: { 200: c.removedResponse } },
      config: { access: access.team('id', 'absence') },
    },
    (req) => removeAbsence(db, req.actor, req.params.id),
  );
  r.post(
    '/api/planning/teams/:teamId/sick',
    { ...team, schema: { params: c.planTeamParams, body: c.sickBody, response: { 202: c.sickResponse } } },
    async (req, reply) => reply.status(202).send(await reportSick(db, req.actor, req.params.teamId, req.body, enqueue)),
  );
}

/** «Hvem kommer?» links and their public view, and a helper's changes to the published plan. */
function visitingRoutes(r: Router, db: Db, clock: Clock, visitingLinkDays: number) {
  r.post(
    '/api/recipients/:id/visiting-link',
    {
      schema: { params: c.planIdParams, body: c.visitingLinkBody, response: { 201: c.visitingLinkResponse } },
      config: { access: access.record('id', 'serve') },
    },
    async (req, reply) =>
      reply.status(201).send(await createVisitingLink(db, req.actor, req.params.id, req.body, visitingLinkDays)),
  );
  // Open without a session: the token is the key, and it shows only times and first names.
  r.get(
    '/api/visiting/:token',
    {
      schema: { params: c.visitingTokenParams, response: { 200: c.visitingResponse } },
      config: { access: access.public() },
    },
    (req) => visitingView(db, req.params.token, clock),
  );

  r.get(
    '/api/planning/my-changes',
    { schema: { response: { 200: c.myChangesResponse } }, config: { access: access.session() } },
    (req) => myChanges(db, req.actor),
  );
  r.post(
    '/api/planning/my-changes/seen',
    { schema: { body: c.seenBody, response: { 200: c.seenResponse } }, config: { access: access.session() } },
    (req) => markChangesSeen(db, req.actor, req.body.ids),
  );
}
