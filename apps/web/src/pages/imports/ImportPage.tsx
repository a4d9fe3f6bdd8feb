import { type ImportKind, importColumns, importKinds, type ImportReport } from '@tillit/contracts';
import { type ChangeEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiError, api } from '../../api.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldError, useFieldProblems } from '../../components/fields.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { ImportedRows, RefusedRows } from './ImportResult.tsx';

const FIELDS = ['csv'];

/** The columns of the chosen kind, from the contract the server checks with. */
function Columns({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  return (
    <details>
      <summary>{t('imports.columns')}</summary>
      <TableWrap label={t('imports.columns')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('imports.column')}</th>
              <th scope="col">{t('imports.requiredColumn')}</th>
              <th scope="col">{t('imports.example')}</th>
            </tr>
          </thead>
          <tbody>
            {importColumns[kind].map((c) => (
              <tr key={c.name}>
                <td>
                  <code>{c.name}</code>
                </td>
                <td>{c.required ? t('imports.yes') : t('imports.no')}</td>
                <td>{c.example}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </details>
  );
}

/** What the last answer was, and for which file: «Importer» is only for the file that was tried. */
interface Outcome {
  report: ImportReport;
  tried: string;
}

/**
 * «Importer» for administrators: choose the kind and the file, «Prøv først» (a dry run listing
 * every row that would be refused and why), then «Importer», enabled only when a try of exactly
 * this file and kind refused nothing. The server imports all rows or none.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [kind, setKind] = useState<ImportKind>('staff');
  const [csv, setCsv] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const fields = useFieldProblems(error, 'imports-', FIELDS, 'imports');
  // The file's problem in the reader's language; the server's words after «:» name the columns or the line.
  const fileProblem = fields.problems.csv;
  const fileMessage =
    fileProblem &&
    t(`imports.fileProblems.${fileProblem.code.replaceAll('.', '_')}`, {
      detail: fileProblem.message.split(': ').slice(1).join(': '),
      defaultValue: fields.message('csv'),
    });
  useEffect(() => {
    document.title = `${t('imports.title')} – Tillit`;
  }, [t]);

  const key = `${kind}\n${csv}`;
  const report = outcome?.report;
  const canImport = !!report && report.dryRun && outcome.tried === key && report.counts.refused === 0;

  const readFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) setCsv(await file.text());
  };
  const send = async (dryRun: boolean) => {
    try {
      const answer = await api<ImportReport>('POST', `/api/imports/${kind}`, { csv, dryRun });
      setError(null);
      setOutcome({ report: answer, tried: key });
      const { counts } = answer;
      if (dryRun) announce(t('imports.dryRunDone', counts), '#imports-result');
      else announce(t('imports.imported', { count: answer.imported }), '#imports-result');
    } catch (err) {
      const refused = (err as ApiError).status === 422 ? ((err as ApiError).data as ImportReport) : null;
      setError(refused ? null : (err as ApiError));
      setOutcome(refused ? { report: refused, tried: '' } : null);
      if (refused) announce(t('imports.refusedRun', refused.counts), '#imports-result');
    }
  };

  return (
    <div className="stack">
      <h1>{t('imports.title')}</h1>
      <p>{t('imports.intro')}</p>
      <form className="card stack" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>{t('imports.kind')}</legend>
          {importKinds.map((k) => (
            <span className="checkbox" key={k}>
              <input
                type="radio"
                id={`imports-kind-${k}`}
                name="imports-kind"
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              <label htmlFor={`imports-kind-${k}`}>{t(`imports.kinds.${k}`)}</label>
            </span>
          ))}
        </fieldset>
        <Columns kind={kind} />
        <label htmlFor="imports-file">{t('imports.file')}</label>
        <input id="imports-file" type="file" accept=".csv,text/csv,text/plain" onChange={readFile} />
        <label htmlFor="imports-csv">{t('imports.csv')}</label>
        <textarea {...fields.input('csv')} rows={8} value={csv} onChange={(e) => setCsv(e.target.value)} />
        <FieldError id="imports-csv" message={fileMessage} />
        <div className="row">
          <button type="button" onClick={() => send(true)} disabled={!csv}>
            {t('imports.tryFirst')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => send(false)}
            disabled={!canImport}
            aria-describedby="imports-hint"
          >
            {t('imports.import')}
          </button>
        </div>
        <p id="imports-hint" className="muted">
          {t('imports.importHint')}
        </p>
      </form>
      <div ref={fields.generalRef} tabIndex={-1}>
        <ErrorMessage error={fields.general} />
      </div>
      {report && <Result report={report} />}
    </div>
  );
}

function Result({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const done = !report.dryRun && report.imported > 0;
  return (
    <div className="stack">
      <p id="imports-result" className="alert" tabIndex={-1}>
        {done
          ? t('imports.imported', { count: report.imported })
          : report.dryRun
            ? t('imports.counts', report.counts)
            : t('imports.refusedRun', report.counts)}
      </p>
      {done ? <ImportedRows report={report} /> : <RefusedRows report={report} />}
    </div>
  );
}
