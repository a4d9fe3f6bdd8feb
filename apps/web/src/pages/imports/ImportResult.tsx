import type { ImportProblem, ImportReport } from '@tillit/contracts';
import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../components/TableWrap.tsx';

/** A problem in the reader's language, with the cell as written or the first line that had it. */
function useProblemText() {
  const { t } = useTranslation();
  return (p: ImportProblem) => {
    const words = t(`imports.problems.${p.code.replaceAll('.', '_')}`, { defaultValue: p.message });
    const value = p.value ? ` «${p.value}»` : '';
    const first = p.firstLine ? ` ${t('imports.sameAs', { line: p.firstLine })}` : '';
    return `${words}${value}${first}`;
  };
}

/** The rows a try (or a refused import) would refuse: line, name, column and reason, one problem per table row. */
export function RefusedRows({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const text = useProblemText();
  const refused = report.rows.filter((r) => r.status === 'refused');
  if (refused.length === 0) return null;
  return (
    // A plain block: the table's scroll area is the one region with this name.
    <div className="stack">
      <h2 id="imports-refused-title">{t('imports.refusedTitle')}</h2>
      <TableWrap label={t('imports.refusedTitle')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('imports.line')}</th>
              <th scope="col">{t('imports.name')}</th>
              <th scope="col">{t('imports.field')}</th>
              <th scope="col">{t('imports.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {refused.flatMap((row) =>
              row.problems.map((p, i) => (
                <tr key={`${row.line}-${p.field}-${p.code}-${i}`}>
                  <td>{row.line}</td>
                  <td>{row.label}</td>
                  <td>
                    <code>{p.field}</code>
                  </td>
                  <td>{text(p)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}

/** After a real import: who came in. */
export function ImportedRows({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="imports-imported-title">
      <h2 id="imports-imported-title">{t('imports.importedTitle')}</h2>
      <ul>
        {report.rows.map((r) => (
          <li key={r.line}>{r.label}</li>
        ))}
      </ul>
    </section>
  );
}
