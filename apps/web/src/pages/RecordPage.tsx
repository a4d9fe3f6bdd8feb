import { useEffect, useState, type FormEvent } from 'react';
import { formatDate, formatDateTime } from '../components/time.ts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RecipientPatchRequest, RecordResponse, RecordView } from '@tillit/contracts';
import { api, type ApiError } from '../api.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useApi } from '../components/useApi.ts';
import { BreakGlass } from './BreakGlass.tsx';
import { AssessmentSection } from './assessment/AssessmentSection.tsx';
import { CareSection } from './care/CareSection.tsx';
import { NextOfKinForm } from './NextOfKinForm.tsx';
import { VisitingLink } from './plan/VisitingLink.tsx';
import { EndService } from './people/EndService.tsx';
import { PortalStaffSection } from './portal/PortalStaffSection.tsx';

export function RecordPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { data, error, reload, setData } = useApi<RecordResponse>(`/api/recipients/${id}`);
  const [editing, setEditing] = useState(false);
  const [phone, setPhone] = useState('');
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [serviceStatus, setServiceStatus] = useState('');
  const announce = useAnnounce();

  useEffect(() => {
    if (data) document.title = `${data.record.givenName} ${data.record.familyName} – Tillit`;
    else if (error) document.title = `${t('denied.title')} – Tillit`;
  }, [data, error, t]);

  if (error) {
    return (
      <section className="stack">
        <h1>{t('denied.title')}</h1>
        <p>{t(`denied.${error.code}`, { defaultValue: error.message })}</p>
        {error.body.canBreakGlass === true && <BreakGlass recipientId={id!} onGranted={() => void reload()} />}
      </section>
    );
  }
  if (!data) return <p>{t('common.loading')}</p>;
  const r = data.record;
  // Emergency access opens the record to read and write; acts of the serving team (decisions,
  // links for the person) stay with the team, so they are not offered.
  const serving = data.access.basis === 'care_relation';

  const savePhone = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    try {
      const res = await api<RecordResponse>('PATCH', `/api/recipients/${id}`, {
        version: r.version,
        phone: phone.trim() || null,
      } satisfies RecipientPatchRequest);
      setData(res);
      setEditing(false);
      setSaveError(null);
      setStatus(t('record.saved'));
      // The form closes: focus goes to the saved value's message, and the live region says it.
      announce(t('record.saved'), '#record-save-status');
    } catch (err) {
      const apiErr = err as ApiError;
      setSaveError(apiErr);
      if (apiErr.status === 409 && apiErr.body.current) {
        // Show what the other person saved in the fields this change touched (the answer holds
        // only those and the version); the user's text stays in the field to retry.
        setData({ ...data, record: { ...data.record, ...(apiErr.body.current as Partial<RecordView>) } });
        setStatus(t('record.conflict'));
        announce(t('record.conflict'), '#record-save-status');
      }
    }
  };

  return (
    <div className="stack">
      <h1>
        {r.givenName} {r.familyName}
      </h1>
      {data.access.basis === 'emergency' && (
        <p className="alert alert-warn" role="note">
          {t('record.emergencyBanner', { reason: data.access.reason, until: formatDateTime(data.access.expiresAt) })}
        </p>
      )}
      {r.reservationAgainstSharing && (
        <p className="alert alert-warn">
          {t('record.reservation')}
          {r.reservationNote ? `: ${r.reservationNote}` : ''}
        </p>
      )}
      <p className="muted">{t('record.servedBy', { teams: r.teams.map((x) => x.name).join(', ') })}</p>
      <p
        id="record-status"
        role="status"
        tabIndex={-1}
        className={serviceStatus ? 'alert alert-ok' : 'visually-hidden'}
      >
        {serviceStatus}
      </p>
      <p>
        <Link to={`/people/${r.id}/medicines`}>{t('medicines.open')}</Link>
      </p>
      <CareSection record={r} serving={serving} />
      <AssessmentSection recipientId={r.id} serving={serving} />

      <section aria-labelledby="personal-heading" className="card">
        <h2 id="personal-heading">{t('record.personal')}</h2>
        <dl className="facts">
          <dt>{t('record.birthDate')}</dt>
          <dd>{formatDate(r.birthDate)}</dd>
          <dt>{t('record.nationalId')}</dt>
          <dd>{r.nationalId}</dd>
          <dt>{t('record.address')}</dt>
          <dd>
            {r.addressLine}, {r.postalCode} {r.city}
          </dd>
          <dt>{t('record.phone')}</dt>
          <dd>
            {editing ? (
              <form onSubmit={savePhone} className="inline-form">
                <label htmlFor="phone-input" className="visually-hidden">
                  {t('record.phone')}
                </label>
                <input id="phone-input" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
                <button type="submit" className="primary">
                  {t('record.save')}
                </button>
                <button type="button" onClick={() => setEditing(false)}>
                  {t('record.cancel')}
                </button>
              </form>
            ) : (
              <>
                {r.phone ?? '–'}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    setPhone(r.phone ?? '');
                    setEditing(true);
                  }}
                >
                  {t('record.editPhone')}
                </button>
              </>
            )}
          </dd>
          <dt>{t('record.consent')}</dt>
          <dd>{r.consentShareWithNextOfKin ? t('record.consentYes') : t('record.consentNo')}</dd>
        </dl>
        <ErrorMessage error={saveError?.status === 409 ? null : saveError} labels={{ phone: t('record.phone') }} />
        {status && (
          <p id="record-save-status" tabIndex={-1} className={saveError ? 'alert alert-warn' : 'alert alert-ok'}>
            {status}
          </p>
        )}
      </section>

      <section aria-labelledby="contact-heading" className="card">
        <h2 id="contact-heading">{t('record.primaryContact')}</h2>
        {r.primaryContact ? (
          <p>
            {r.primaryContact.name} ({t(`profession.${r.primaryContact.profession}`)})
            {r.primaryContact.phone ? ` · ${r.primaryContact.phone}` : ''}
          </p>
        ) : (
          <p>{t('record.noPrimaryContact')}</p>
        )}
      </section>

      <section aria-labelledby="kin-heading" className="card">
        <h2 id="kin-heading">{t('record.nextOfKin')}</h2>
        {r.nextOfKin.length === 0 && <p>{t('record.noNextOfKin')}</p>}
        <ul className="plain">
          {r.nextOfKin.map((k) => (
            <li key={k.id}>
              <strong>{k.name}</strong> ({k.relation}
              {k.isClosest ? `, ${t('record.closest')}` : ''}){k.phone ? ` · ${k.phone}` : ''}
            </li>
          ))}
        </ul>
        <NextOfKinForm recipientId={r.id} onSaved={() => void reload()} />
      </section>

      {serving && <VisitingLink record={r} />}
      {serving && <PortalStaffSection recipientId={r.id} />}
      {serving && (
        <EndService
          record={r}
          onEnded={(message) => {
            setServiceStatus(message);
            void reload().then(() => document.getElementById('record-status')?.focus());
          }}
        />
      )}

      <section aria-labelledby="team-heading" className="card">
        <h2 id="team-heading">{t('record.team')}</h2>
        <ul className="plain">
          {r.teamMembers.map((m) => (
            <li key={m.staffId}>
              {m.name} – {t(`profession.${m.profession}`)}
              {m.staffId === r.primaryContact?.staffId ? ` (${t('record.primaryContact').toLowerCase()})` : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
