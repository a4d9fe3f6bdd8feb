import { addDays, type KprDistrict, type KprExport, kprCsv, osloToday } from '@tillit/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useApi } from '../../components/useApi.ts';
import { KprProblems } from './KprProblems.tsx';

type Kind = 'year' | 'quarter';

/** The period chosen: a calendar year, or one of its quarters. */
export function periodOf(year: number, kind: Kind, quarter: number) {
  if (kind === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  const start = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  return { from: start, to: addDays(next, -1) };
}

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // Revoked a little later: the browser starts the download after the click has returned.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** «Rapportering til KPR»: leaders produce the district's data set for a period, see what is missing, download it. */
export function KprPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const thisYear = Number(osloToday().slice(0, 4));
  const [year, setYear] = useState(thisYear - 1);
  const [kind, setKind] = useState<Kind>('year');
  const [quarter, setQuarter] = useState(4);
  const [result, setResult] = useState<KprExport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: districts, error: districtsError } = useApi<KprDistrict[]>('/api/districts');
  const [districtId, setDistrictId] = useState('');
  const district = districtId || districts?.[0]?.id || '';
  useEffect(() => {
    document.title = `${t('statistics.title')} – Tillit`;
  }, [t]);

  const produce = async (e: FormEvent) => {
    e.preventDefault();
    const { from, to } = periodOf(year, kind, quarter);
    setBusy(true);
    try {
      const answer = await api<KprExport>('GET', `/api/districts/${district}/kpr?from=${from}&to=${to}`);
      setResult(answer);
      setError(null);
      announce(
        t('statistics.produced', { persons: answer.counts.persons, problems: answer.validation.length }),
        '#kpr-result',
      );
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', String(err), {}));
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  const name = (ext: string) =>
    result ? `kpr-${result.district.municipalityNumber}-${result.from}-${result.to}.${ext}` : '';

  return (
    <div className="stack">
      <h1>{t('statistics.title')}</h1>
      <p>{t('statistics.intro')}</p>
      <ErrorMessage error={districtsError} />
      <form onSubmit={produce} className="stack">
        {districts && districts.length > 1 && (
          <>
            <label htmlFor="kpr-district">{t('statistics.district')}</label>
            <select id="kpr-district" value={district} onChange={(e) => setDistrictId(e.target.value)}>
              {districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="kpr-year">{t('statistics.year')}</label>
        <select id="kpr-year" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[0, 1, 2, 3].map((back) => (
            <option key={back} value={thisYear - back}>
              {thisYear - back}
            </option>
          ))}
        </select>
        <label htmlFor="kpr-kind">{t('statistics.period')}</label>
        <select id="kpr-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="year">{t('statistics.wholeYear')}</option>
          <option value="quarter">{t('statistics.oneQuarter')}</option>
        </select>
        {kind === 'quarter' && (
          <>
            <label htmlFor="kpr-quarter">{t('statistics.quarter')}</label>
            <select id="kpr-quarter" value={quarter} onChange={(e) => setQuarter(Number(e.target.value))}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t('statistics.quarterN', { n: q })}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="submit" disabled={busy || !district}>
          {t('statistics.produce')}
        </button>
      </form>
      <ErrorMessage error={error} labels={{ from: t('statistics.period'), to: t('statistics.period') }} />
      {result && (
        <section aria-labelledby="kpr-result" className="stack">
          <h2 id="kpr-result" tabIndex={-1}>
            {t('statistics.resultTitle', { district: result.district.name, from: result.from, to: result.to })}
          </h2>
          <p>{t('statistics.counts', result.counts)}</p>
          <div className="inline-form">
            <button
              type="button"
              onClick={() => download(name('json'), 'application/json', JSON.stringify(result.persons, null, 2))}
            >
              {t('statistics.downloadJson')}
            </button>
            <button
              type="button"
              onClick={() => download(name('csv'), 'text/csv;charset=utf-8', kprCsv(result.persons))}
            >
              {t('statistics.downloadCsv')}
            </button>
          </div>
          <KprProblems problems={result.validation} />
        </section>
      )}
    </div>
  );
}
