import type { NewServiceRequestInput, RequesterKind, ServiceType } from '@tillit/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { useApi } from '../../components/useApi.ts';

// Type-only imports of the contract: the web bundle does not take zod for two lists of words.
const KINDS: RequesterKind[] = ['self', 'next_of_kin', 'gp', 'hospital', 'other'];
const SERVICES: ServiceType[] = ['hjemmesykepleie', 'praktisk_bistand', 'opplaering', 'trygghetsalarm'];
const NEW = 'new';

interface Person {
  id: string;
  givenName: string;
  familyName: string;
}

/** A local date and time as the datetime-local input writes it, turned into an instant with the browser's offset. */
const instant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/**
 * Registering a request as it arrives: who asks, for whom (a person the team serves, or someone not
 * yet registered), what is asked, and when it arrived (now unless told; an earlier day says why).
 */
export function RequestForm({ teamId, onSaved }: { teamId: string; onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const people = useApi<Person[]>(`/api/teams/${teamId}/recipients`);
  const [kind, setKind] = useState<RequesterKind>('gp');
  const [requesterName, setRequesterName] = useState('');
  const [who, setWho] = useState(NEW);
  const [person, setPerson] = useState({ givenName: '', familyName: '', nationalId: '', birthDate: '' });
  const [services, setServices] = useState<ServiceType[]>([]);
  const [description, setDescription] = useState('');
  const [arrived, setArrived] = useState('');
  const [lateReason, setLateReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body: NewServiceRequestInput = {
      requesterKind: kind,
      ...(requesterName ? { requesterName } : {}),
      ...(who === NEW
        ? {
            person: {
              givenName: person.givenName,
              familyName: person.familyName,
              ...(person.nationalId ? { nationalId: person.nationalId } : {}),
              ...(person.birthDate ? { birthDate: person.birthDate } : {}),
            },
          }
        : { recipientId: who }),
      services,
      description,
      ...(arrived ? { arrivedAt: instant(arrived) } : {}),
      ...(lateReason ? { lateReason } : {}),
    };
    try {
      const created = await api<{ id: string }>('POST', `/api/teams/${teamId}/service-requests`, body);
      setError(null);
      setDescription('');
      setServices([]);
      announce(t('requests.registered'));
      onSaved(created.id);
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const labels = {
    requesterKind: t('requests.requesterKind'),
    requesterName: t('requests.requesterName'),
    recipientId: t('requests.who'),
    person: t('requests.who'),
    'person.givenName': t('requests.givenName'),
    'person.familyName': t('requests.familyName'),
    'person.nationalId': t('requests.nationalId'),
    'person.birthDate': t('requests.birthDate'),
    services: t('requests.services'),
    description: t('requests.description'),
    arrivedAt: t('requests.arrivedAt'),
    lateReason: t('requests.lateReason'),
  };
  return (
    <form onSubmit={submit} className="card stack" aria-labelledby="rq-new-heading">
      <h2 id="rq-new-heading">{t('requests.newHeading')}</h2>
      <ErrorMessage error={error} labels={labels} />
      <label htmlFor="requesterKind">{labels.requesterKind}</label>
      <select id="requesterKind" value={kind} onChange={(e) => setKind(e.target.value as RequesterKind)}>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`requests.kind_${k}`)}
          </option>
        ))}
      </select>
      <label htmlFor="requesterName">{labels.requesterName}</label>
      <input id="requesterName" value={requesterName} onChange={(e) => setRequesterName(e.target.value)} />
      <label htmlFor="recipientId">{labels.recipientId}</label>
      <select id="recipientId" value={who} onChange={(e) => setWho(e.target.value)}>
        <option value={NEW}>{t('requests.newPerson')}</option>
        {(people.data ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.givenName} {p.familyName}
          </option>
        ))}
      </select>
      {who === NEW && <NewPersonFields person={person} setPerson={setPerson} labels={labels} />}
      <fieldset>
        <legend>{labels.services}</legend>
        {SERVICES.map((s) => (
          <span className="checkbox" key={s}>
            <input
              type="checkbox"
              id={`service-${s}`}
              checked={services.includes(s)}
              onChange={(e) => setServices(e.target.checked ? [...services, s] : services.filter((x) => x !== s))}
            />
            <label htmlFor={`service-${s}`}>{t(`decisions.${s}`)}</label>
          </span>
        ))}
      </fieldset>
      <label htmlFor="description">{labels.description}</label>
      <textarea id="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      <label htmlFor="arrivedAt">{labels.arrivedAt}</label>
      <p className="small muted" id="arrivedAt-hint">
        {t('requests.arrivedHint')}
      </p>
      <input
        id="arrivedAt"
        type="datetime-local"
        aria-describedby="arrivedAt-hint"
        value={arrived}
        onChange={(e) => setArrived(e.target.value)}
      />
      <label htmlFor="lateReason">{labels.lateReason}</label>
      <input id="lateReason" value={lateReason} onChange={(e) => setLateReason(e.target.value)} />
      <button type="submit" className="primary">
        {t('requests.register')}
      </button>
    </form>
  );
}

type PersonFields = { givenName: string; familyName: string; nationalId: string; birthDate: string };

function NewPersonFields({
  person,
  setPerson,
  labels,
}: {
  person: PersonFields;
  setPerson: (p: PersonFields) => void;
  labels: Record<string, string>;
}) {
  const { t } = useTranslation();
  const field = (name: keyof PersonFields, type = 'text') => (
    <>
      <label htmlFor={`person.${name}`}>{labels[`person.${name}`]}</label>
      <input
        id={`person.${name}`}
        type={type}
        value={person[name]}
        onChange={(e) => setPerson({ ...person, [name]: e.target.value })}
      />
    </>
  );
  return (
    <fieldset className="stack">
      <legend>{t('requests.newPersonLegend')}</legend>
      {field('givenName')}
      {field('familyName')}
      {field('nationalId')}
      {field('birthDate', 'date')}
    </fieldset>
  );
}
