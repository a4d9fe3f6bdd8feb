import { type NewRecipientRequest, type NewRecipientResult, validateNationalId } from '@tillit/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FieldError, Required, useFieldProblems } from '../../components/fields.tsx';
import { useApi } from '../../components/useApi.ts';
import { useSession } from '../../session.tsx';

const ORDER = [
  'teamId',
  'nationalId',
  'givenName',
  'familyName',
  'addressLine',
  'postalCode',
  'city',
  'lat',
  'lon',
  'phone',
  'consentShareWithNextOfKin',
];
const P = 'np-';
const number = (s: string) => (s.trim() === '' ? undefined : Number(s.replace(',', '.')));

/** The national identity number's own problem as the user types (shown once 11 characters are in, or on leaving the field). */
function idProblem(value: string, done: boolean) {
  const r = validateNationalId(value);
  if (r.ok || (!done && value.replace(/\s/g, '').length < 11 && r.problem !== 'characters')) return null;
  return `nationalId.${r.problem}`;
}

/**
 * «Ny person»: the national identity number first (checked as it is typed, check digits too),
 * name, address with coordinates, the serving team and consent; then straight to the record,
 * which opens on «Hva er viktig for deg?».
 */
export function NewPersonPage() {
  const { id: teamFromUrl } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const teams = useApi<{ id: string; name: string }[]>('/api/teams');
  const mine = (teams.data ?? []).filter((x) => me.teamIds.includes(x.id));
  const [v, setV] = useState<Record<string, string>>({ teamId: teamFromUrl ?? me.teamIds[0] ?? '' });
  const [consent, setConsent] = useState<'' | 'yes' | 'no'>('');
  const [reservation, setReservation] = useState(false);
  const [idLeft, setIdLeft] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const f = useFieldProblems(error, P, ORDER, 'people');
  useEffect(() => {
    document.title = `${t('people.newTitle')} – Tillit`;
  }, [t]);
  const set = (field: string) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [field]: e.target.value }));
  const typed = idProblem(v.nationalId ?? '', idLeft);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const own = idProblem(v.nationalId ?? '', true);
    if (own) {
      setError(new ApiError(400, 'invalid_input', '', { fields: [{ field: 'nationalId', code: own, message: '' }] }));
      return;
    }
    try {
      const made = await api<NewRecipientResult>('POST', '/api/recipients', requestOf(v, consent, reservation));
      navigate(`/people/${made.id}`, { state: { created: true } });
    } catch (err) {
      const apiErr = err as ApiError;
      // The number is already registered: that belongs at the number's field.
      if (apiErr.code === 'duplicate')
        setError(
          new ApiError(400, 'invalid_input', '', {
            fields: [{ field: 'nationalId', code: 'duplicate', message: apiErr.message }],
          }),
        );
      else setError(apiErr);
    }
  };
  const text = (field: string, extra: Record<string, unknown> = {}) => (
    <>
      <label htmlFor={P + field}>
        {t(`people.${field}`)}
        {field !== 'phone' && <Required />}
      </label>
      <input
        {...f.input(field)}
        value={v[field] ?? ''}
        onChange={set(field)}
        required={field !== 'phone'}
        aria-required={field !== 'phone'}
        {...extra}
      />
      <FieldError id={P + field} message={f.message(field)} />
    </>
  );
  const idMessage = typed ? t(`error.${typed}`) : f.message('nationalId');

  return (
    <section className="stack">
      <h1>{t('people.newTitle')}</h1>
      <p className="muted">{t('people.newIntro')}</p>
      <form onSubmit={submit} className="form-grid person-form" noValidate>
        <NationalIdField
          value={v.nationalId ?? ''}
          onChange={set('nationalId')}
          onBlur={() => setIdLeft(true)}
          message={idMessage}
        />
        {text('givenName', { autoComplete: 'off' })}
        {text('familyName', { autoComplete: 'off' })}
        {text('addressLine', { autoComplete: 'off' })}
        {text('postalCode', { inputMode: 'numeric', maxLength: 4 })}
        {text('city')}
        <p className="muted small span-all" id={`${P}coords-hint`}>
          {t('people.coordinatesHint')}
        </p>
        {text('lat', { inputMode: 'decimal' })}
        {text('lon', { inputMode: 'decimal' })}
        {text('phone', { inputMode: 'tel' })}
        <label htmlFor={`${P}teamId`}>
          {t('people.teamId')}
          <Required />
        </label>
        <select {...f.input('teamId')} value={v.teamId} onChange={set('teamId')} required aria-required>
          {mine.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        <FieldError id={`${P}teamId`} message={f.message('teamId')} />
        <ConsentChoice consent={consent} onChange={setConsent} f={f} />
        <div className="checkbox span-all">
          <input
            id={`${P}reservation`}
            type="checkbox"
            checked={reservation}
            onChange={(e) => setReservation(e.target.checked)}
          />
          <label htmlFor={`${P}reservation`}>{t('people.reservation')}</label>
        </div>
        <div ref={f.generalRef} tabIndex={-1} className="span-all">
          <ErrorMessage error={f.general} />
        </div>
        <button type="submit" className="primary">
          {t('people.register')}
        </button>
      </form>
    </section>
  );
}

/** The national identity number, checked as it is typed (the message comes from the page). */
function NationalIdField({
  value,
  onChange,
  onBlur,
  message: idMessage,
}: {
  value: string;
  onChange: (e: { target: { value: string } }) => void;
  onBlur: () => void;
  message: string | undefined | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={`${P}nationalId`}>
        {t('people.nationalId')}
        <Required />
      </label>
      <input
        id={`${P}nationalId`}
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={onChange}
        onBlur={onBlur}
        required
        aria-required
        aria-invalid={idMessage ? true : undefined}
        aria-describedby={idMessage ? `${P}nationalId-error` : `${P}nationalId-hint`}
      />
      {idMessage ? (
        <p id={`${P}nationalId-error`} className="field-error">
          {idMessage}
        </p>
      ) : (
        <p id={`${P}nationalId-hint`} className="muted small">
          {t('people.nationalIdHint')}
        </p>
      )}
    </>
  );
}

/** Consent to share with next of kin: an explicit yes or no, never a default. */
function ConsentChoice({
  consent,
  onChange: setConsent,
  f,
}: {
  consent: '' | 'yes' | 'no';
  onChange: (c: 'yes' | 'no') => void;
  f: ReturnType<typeof useFieldProblems>;
}) {
  const { t } = useTranslation();
  return (
    <fieldset
      className="span-all"
      aria-describedby={f.message('consentShareWithNextOfKin') ? `${P}consentShareWithNextOfKin-error` : undefined}
    >
      <legend>
        {t('people.consentShareWithNextOfKin')}
        <Required />
      </legend>
      {(['yes', 'no'] as const).map((c, i) => (
        <span key={c} className="checkbox">
          <input
            id={i === 0 ? `${P}consentShareWithNextOfKin` : `${P}consent-${c}`}
            type="radio"
            name="consent"
            checked={consent === c}
            onChange={() => setConsent(c)}
            required
            aria-invalid={f.problems.consentShareWithNextOfKin ? true : undefined}
          />
          <label htmlFor={i === 0 ? `${P}consentShareWithNextOfKin` : `${P}consent-${c}`}>
            {t(`people.consent_${c}`)}
          </label>
        </span>
      ))}
      <FieldError id={`${P}consentShareWithNextOfKin`} message={f.message('consentShareWithNextOfKin')} />
    </fieldset>
  );
}

/** The form's values as the API reads them; what the form lacks is sent as missing, and the server names the field. */
function requestOf(v: Record<string, string>, consent: '' | 'yes' | 'no', reservation: boolean) {
  return {
    teamId: v.teamId,
    nationalId: (v.nationalId ?? '').replace(/\s/g, ''),
    givenName: v.givenName ?? '',
    familyName: v.familyName ?? '',
    addressLine: v.addressLine ?? '',
    postalCode: (v.postalCode ?? '').trim(),
    city: v.city ?? '',
    lat: number(v.lat ?? ''),
    lon: number(v.lon ?? ''),
    phone: v.phone?.trim() ? v.phone.trim() : null,
    consentShareWithNextOfKin: consent === '' ? undefined : consent === 'yes',
    reservationAgainstSharing: reservation,
  } satisfies Partial<NewRecipientRequest>;
}
