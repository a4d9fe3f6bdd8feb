import { type CompetenceType, osloToday, type TeamMember as Member } from '@tillit/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

/** Leaders register a competence (delegation) with its validity for a team member. */
export function CompetenceForm({
  members,
  types,
  onSaved,
}: {
  members: Member[];
  types: CompetenceType[];
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [staffId, setStaffId] = useState(members[0]?.staffId ?? '');
  const [code, setCode] = useState(types[0]?.code ?? '');
  const [validFrom, setValidFrom] = useState(osloToday());
  const [validUntil, setValidUntil] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    try {
      await api('POST', `/api/staff/${staffId}/competences`, {
        competenceCode: code,
        validFrom,
        validUntil: validUntil || null,
      });
      setError(null);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err as ApiError);
    }
  };

  return (
    <section aria-labelledby="competence-heading" className="card">
      <h2 id="competence-heading">{t('competenceForm.title')}</h2>
      <form onSubmit={submit} className="form-grid">
        <label htmlFor="cf-staff">{t('competenceForm.staff')}</label>
        <select id="cf-staff" value={staffId} onChange={(e) => setStaffId(e.target.value)}>
          {members.map((m) => (
            <option key={m.staffId} value={m.staffId}>
              {m.name}
            </option>
          ))}
        </select>
        <label htmlFor="cf-code">{t('competenceForm.competence')}</label>
        <select id="cf-code" value={code} onChange={(e) => setCode(e.target.value)}>
          {types.map((c) => (
            <option key={c.code} value={c.code}>
              {i18n.language === 'en' ? c.nameEn : c.nameNb}
            </option>
          ))}
        </select>
        <label htmlFor="cf-from">{t('competenceForm.validFrom')}</label>
        <input id="cf-from" type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
        <label htmlFor="cf-until">{t('competenceForm.validUntil')}</label>
        <input id="cf-until" type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
        <ErrorMessage
          error={error}
          labels={{
            validFrom: t('competenceForm.validFrom'),
            validUntil: t('competenceForm.validUntil'),
            competenceCode: t('competenceForm.competence'),
          }}
        />
        {saved && (
          <p role="status" className="alert alert-ok">
            {t('competenceForm.saved')}
          </p>
        )}
        <button type="submit" className="primary">
          {t('competenceForm.submit')}
        </button>
      </form>
    </section>
  );
}
