import { addDays } from '@tillit/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { todayIso } from '../../components/time.ts';
import { useApi } from '../../components/useApi.ts';
import { PlanFigures } from './PlanFigures.tsx';
import { PlanPeople } from './PlanPeople.tsx';
import { PlanRoutes } from './PlanRoutes.tsx';
import { PublishConfirm, unstaffedVisits } from './PublishConfirm.tsx';
import { SickForm } from './SickForm.tsx';
import type { PlanView, PublishResult, QueuedRun, RunInfo, RunStatus as RunStatusInfo } from '@tillit/contracts';

const tomorrow = () => addDays(todayIso(), 1);

/**
 * «Ukeplan»: the team's routes for a week or two, «Lag forslag» with live progress, figures
 * before and after, locks and moves, publishing, and the sick call-in. A proposal is shown
 * from `?run=`; without it the page shows the plan as it stands.
 */
export function PlanPage() {
  const { id: teamId } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const runId = params.get('run');
  const [from, setFrom] = useState(params.get('from') ?? tomorrow());
  const [days, setDays] = useState(Number(params.get('days') ?? 14));
  const [timeLimit, setTimeLimit] = useState(20);
  const url = runId ? `/api/planning/runs/${runId}` : `/api/planning/teams/${teamId}/plan?from=${from}&days=${days}`;
  const loaded = useApi<PlanView>(url);
  const { error, reload } = loaded;
  // While another proposal loads, the previous one is not shown as if it were the new one.
  const data = loaded.data && (!runId || loaded.data.run?.id === runId) ? loaded.data : null;

  useEffect(() => {
    document.title = `${t('plan.title')} – Tillit`;
  }, [t]);
  // A proposal carries its own period: «Kjør på nytt» plans the same one.
  useEffect(() => {
    if (!data) return;
    setFrom(data.from);
    setDays(data.days);
  }, [data]);

  const running = data?.run && (data.run.status === 'queued' || data.run.status === 'running');
  const { actionError, setActionError, published, propose, publish } = useRunActions(
    { runId, teamId: teamId!, from, days, timeLimit },
    (run) => setParams({ run }),
    reload,
  );
  const { status, pollError } = useRunPolling(runId, running ? data.run : null, reload);
  const [confirming, setConfirming] = useState(false);
  const unstaffed = data ? unstaffedVisits(data.visits) : [];
  // A proposal that leaves visits without a helper is published only after the team has seen them.
  const askThenPublish = () => (unstaffed.length > 0 ? setConfirming(true) : void publish());

  const showCurrent = () => {
    setParams({ from: data?.from ?? from, days: String(data?.days ?? days) });
    if (data) {
      setFrom(data.from);
      setDays(data.days);
    }
  };

  const run = data?.run ?? null;
  // The loaded run is the truth once it has ended; while it works, the polled status is newer.
  const live = run && run.status !== 'queued' && run.status !== 'running' ? run : (status ?? run);
  return (
    <div className="stack">
      <h1>{t('plan.title')}</h1>
      <p className="row">
        <Link to={`/teams/${teamId}/rota`}>{t('plan.rotaLink')}</Link>
      </p>
      <PeriodForm
        period={{ from, setFrom, days, setDays, timeLimit, setTimeLimit }}
        runId={runId}
        running={Boolean(running)}
        onPropose={() => void propose()}
        onShowCurrent={showCurrent}
      />
      {/* «Meld syk» right after the period: on a phone it is the urgent task, not the last one. */}
      {data && (
        <SickForm
          teamId={teamId!}
          staff={data.staff}
          defaultDate={todayIso()}
          onStarted={(id) => setParams({ run: id })}
          onError={setActionError}
        />
      )}
      <ErrorMessage
        error={error ?? actionError ?? pollError}
        labels={{ staffId: t('plan.helper'), toDate: t('rota.toDate') }}
      />

      {run && (
        <RunStatus run={run} live={live} running={Boolean(running)} published={published} onPublish={askThenPublish} />
      )}
      {confirming && (
        <PublishConfirm visits={unstaffed} onPublish={() => void publish()} onClose={() => setConfirming(false)} />
      )}

      {data && (
        <>
          <PlanFigures before={data.figures.before} after={data.figures.after} staff={data.staff} />
          <PlanRoutes view={data} onChanged={reload} onError={setActionError} />
          <PlanPeople view={data} />
        </>
      )}
      {!data && !error && <p>{t('common.loading')}</p>}
    </div>
  );
}

/**
 * While the optimizer works (`run` given while queued or running), polls the run's status once
 * a second and reloads the page's data when it ends. Polling gives up after repeated errors, or
 * well after the run's time limit. Another run starts with a clean slate.
 */
function useRunPolling(runId: string | null, run: RunInfo | null, reload: () => Promise<void>) {
  const [status, setStatus] = useState<RunStatusInfo | null>(null);
  const [pollError, setPollError] = useState<ApiError | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runId is the trigger, not an input
  useEffect(() => {
    setStatus(null);
    setPollError(null);
  }, [runId]);
  useEffect(() => {
    if (!run || !runId) return;
    const giveUpAt = Date.now() + (run.timeLimitSeconds + 300) * 1000;
    let failures = 0;
    // An answer that arrives after this run was left (another run, or the page) is dropped.
    let left = false;
    const timer = setInterval(() => {
      if (Date.now() > giveUpAt) {
        clearInterval(timer);
        void reload();
        return;
      }
      api<RunStatusInfo>('GET', `/api/planning/runs/${runId}/status`)
        .then((s) => {
          if (left) return;
          failures = 0;
          setStatus(s);
          if (s.status !== 'queued' && s.status !== 'running') {
            clearInterval(timer);
            void reload();
          }
        })
        .catch((err: unknown) => {
          if (left) return;
          if (++failures >= 5) {
            clearInterval(timer);
            setPollError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err), {}));
          }
        });
    }, 1000);
    return () => {
      left = true;
      clearInterval(timer);
    };
  }, [runId, reload, run]);
  return { status, pollError };
}

interface Period {
  from: string;
  setFrom: (from: string) => void;
  days: number;
  setDays: (days: number) => void;
  timeLimit: number;
  setTimeLimit: (seconds: number) => void;
}

/** The period to plan and the time the optimizer may take; «Lag forslag» or «Kjør på nytt». */
function PeriodForm({
  period: { from, setFrom, days, setDays, timeLimit, setTimeLimit },
  runId,
  running,
  onPropose,
  onShowCurrent,
}: {
  period: Period;
  runId: string | null;
  running: boolean;
  onPropose: () => void;
  onShowCurrent: () => void;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="card inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        onPropose();
      }}
    >
      <div>
        <label htmlFor="plan-from">{t('plan.from')}</label>
        <input
          id="plan-from"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          disabled={Boolean(runId)}
        />
      </div>
      <div>
        <label htmlFor="plan-days">{t('plan.days')}</label>
        <select id="plan-days" value={days} onChange={(e) => setDays(Number(e.target.value))} disabled={Boolean(runId)}>
          {days === 1 && <option value={1}>{t('plan.oneDay')}</option>}
          <option value={7}>{t('plan.oneWeek')}</option>
          <option value={14}>{t('plan.twoWeeks')}</option>
        </select>
      </div>
      <div>
        <label htmlFor="plan-time">{t('plan.timeLimit')}</label>
        <select id="plan-time" value={timeLimit} onChange={(e) => setTimeLimit(Number(e.target.value))}>
          {[5, 20, 60].map((s) => (
            <option key={s} value={s}>
              {t('plan.seconds', { count: s })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="primary" disabled={running}>
        {runId ? t('plan.rerun') : t('plan.propose')}
      </button>
      {runId && (
        <button type="button" onClick={onShowCurrent}>
          {t('plan.showCurrent')}
        </button>
      )}
    </form>
  );
}

/** The proposal's status while it is made, its result, and «Publiser». */
function RunStatus({
  run,
  live,
  running,
  published,
  onPublish,
}: {
  run: RunInfo;
  live: RunStatusInfo | null;
  running: boolean;
  published: { changed: number; notified: number } | null;
  onPublish: () => void;
}) {
  const { t } = useTranslation();
  const seconds = live?.progress?.seconds ?? 0;
  return (
    <section className="card" aria-labelledby="run-status">
      <h2 id="run-status">{run.kind === 'sick_day' ? t('plan.sickProposal') : t('plan.proposal')}</h2>
      <p role="status" aria-live="polite">
        {t(`plan.status_${live?.status ?? run.status}`, {
          seconds: Math.round(seconds),
          unassigned: live?.progress?.unassigned ?? 0,
        })}
      </p>
      {running && (
        <progress
          max={live?.timeLimitSeconds ?? run.timeLimitSeconds}
          value={seconds}
          aria-label={t('plan.progress')}
        />
      )}
      {run.status === 'failed' && <p className="alert alert-error">{t(`plan.failed_${run.errorCode ?? 'failed'}`)}</p>}
      {run.status === 'done' && <p className="small muted">{t('plan.locksHint')}</p>}
      {run.status === 'done' && (
        <button type="button" className="primary" onClick={onPublish}>
          {t('plan.publish')}
        </button>
      )}
      {published && (
        <p role="status">{t('plan.published', { changed: published.changed, notified: published.notified })}</p>
      )}
    </section>
  );
}

/**
 * «Lag forslag» / «Kjør på nytt» and «Publiser», with the error of the last action. Another run
 * (a re-run, a sick call-in) starts with a clean slate.
 */
function useRunActions(
  q: { runId: string | null; teamId: string; from: string; days: number; timeLimit: number },
  showRun: (runId: string) => void,
  reload: () => Promise<void>,
) {
  const { runId, teamId, from, days, timeLimit } = q;
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [published, setPublished] = useState<{ changed: number; notified: number } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runId is the trigger, not an input
  useEffect(() => {
    setPublished(null);
  }, [runId]);
  const act = async <T,>(fn: () => Promise<T>) => {
    try {
      const out = await fn();
      setActionError(null);
      return out;
    } catch (err) {
      setActionError(err as ApiError);
      return null;
    }
  };
  const propose = async () => {
    // «Kjør på nytt» repeats the shown proposal's kind and period (a sick-day re-plan stays one).
    const run = await act(() =>
      runId
        ? api<QueuedRun>('POST', `/api/planning/runs/${runId}/rerun`, { timeLimitSeconds: timeLimit })
        : api<QueuedRun>('POST', `/api/planning/teams/${teamId}/runs`, {
            from,
            days,
            timeLimitSeconds: timeLimit,
          }),
    );
    if (run) showRun(run.id);
  };
  const publish = async () => {
    const res = await act(() => api<PublishResult>('POST', `/api/planning/runs/${runId}/publish`));
    if (res) {
      setPublished(res);
      await reload();
    }
  };
  return { actionError, setActionError, published, propose, publish };
}
