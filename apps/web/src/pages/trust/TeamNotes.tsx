import type { TeamNote } from '@tillit/contracts';
import { useState, type FormEvent } from 'react';
import { formatDate } from '../../components/time.ts';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useApi } from '../../components/useApi.ts';

const OWNERS = ['team', 'coordinator', 'nurse', 'health_worker', 'therapist', 'case_handler', 'leader'] as const;

/** The team's own notes and actions: what it noticed in its figures and what it will do, owned by a role, not a person. */
export function TeamNotes({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const url = `/api/teams/${teamId}/notes`;
  const { data, error, reload, setData } = useApi<TeamNote[]>(url);
  const [kind, setKind] = useState<'note' | 'action'>('action');
  const [text, setText] = useState('');
  const [ownerRole, setOwnerRole] = useState<(typeof OWNERS)[number]>('team');
  const [dueDate, setDueDate] = useState('');
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState('');

  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', url, { kind, text, ownerRole, ...(dueDate ? { dueDate } : {}) });
      setText('');
      setDueDate('');
      setSaveError(null);
      setStatus(t('dialogue.noteSaved'));
      await reload();
    } catch (err) {
      setSaveError(err as ApiError);
    }
  };
  const toggle = async (n: TeamNote) => {
    // Shown at once; the list is fetched again after the save (or the error shown).
    setData((list) => list?.map((x) => (x.id === n.id ? { ...x, done: !n.done } : x)) ?? null);
    try {
      await api('PATCH', `${url}/${n.id}`, { version: n.version, done: !n.done });
      setStatus(n.done ? t('dialogue.reopened') : t('dialogue.markedDone'));
    } catch (err) {
      setSaveError(err as ApiError);
    }
    await reload();
  };

  return (
    <section aria-labelledby="notes-heading" className="card stack">
      <h2 id="notes-heading">{t('dialogue.notesHeading')}</h2>
      <p className="small muted">{t('dialogue.notesIntro')}</p>
      <ErrorMessage error={error} />
      {data && data.length === 0 && <p>{t('dialogue.noNotes')}</p>}
      {data && data.length > 0 && (
        <TableWrap label={t('dialogue.notesHeading')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dialogue.noteText')}</th>
                <th scope="col">{t('dialogue.kind')}</th>
                <th scope="col">{t('dialogue.owner')}</th>
                <th scope="col">{t('dialogue.due')}</th>
                <th scope="col">{t('dialogue.done')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((n) => (
                <tr key={n.id}>
                  <th scope="row" className={n.done ? 'muted' : undefined}>
                    {n.text}
                  </th>
                  <td>{t(`dialogue.kind_${n.kind}`)}</td>
                  <td>{t(`dialogue.owner_${n.ownerRole}`)}</td>
                  <td>{n.dueDate ? formatDate(n.dueDate) : '–'}</td>
                  <td>
                    <input
                      type="checkbox"
                      checked={n.done}
                      onChange={() => void toggle(n)}
                      aria-label={t('dialogue.doneLabel', { text: n.text })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <p role="status" className="small">
        {status}
      </p>
      <form onSubmit={(e) => void add(e)} className="stack" aria-labelledby="note-form-heading">
        <h3 id="note-form-heading">{t('dialogue.addNote')}</h3>
        <label htmlFor="note-kind">{t('dialogue.kind')}</label>
        <select id="note-kind" value={kind} onChange={(e) => setKind(e.target.value as 'note' | 'action')}>
          <option value="action">{t('dialogue.kind_action')}</option>
          <option value="note">{t('dialogue.kind_note')}</option>
        </select>
        <label htmlFor="note-text">{t('dialogue.noteText')}</label>
        <textarea id="note-text" value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={1000} />
        <label htmlFor="note-owner">{t('dialogue.owner')}</label>
        <select
          id="note-owner"
          value={ownerRole}
          onChange={(e) => setOwnerRole(e.target.value as (typeof OWNERS)[number])}
        >
          {OWNERS.map((o) => (
            <option key={o} value={o}>
              {t(`dialogue.owner_${o}`)}
            </option>
          ))}
        </select>
        <label htmlFor="note-due">{t('dialogue.dueOptional')}</label>
        <input id="note-due" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        <ErrorMessage
          error={saveError}
          labels={{
            text: t('dialogue.noteText'),
            dueDate: t('dialogue.due'),
            ownerRole: t('dialogue.owner'),
            kind: t('dialogue.kind'),
          }}
        />
        <button type="submit">{t('dialogue.save')}</button>
      </form>
    </section>
  );
}
