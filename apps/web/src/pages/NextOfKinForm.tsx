import type { NextOfKinRequest } from '@tillit/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';

export function NextOfKinForm({ recipientId, onSaved }: { recipientId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [relation, setRelation] = useState('');
  const [phone, setPhone] = useState('');
  const [isClosest, setClosest] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/api/recipients/${recipientId}/next-of-kin`, {
        name,
        relation,
        phone: phone.trim() || null,
        isClosest,
      } satisfies NextOfKinRequest);
      setOpen(false);
      setName('');
      setRelation('');
      setPhone('');
      setError(null);
      onSaved();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('record.addNextOfKin')}
      </button>
    );
  return (
    <form onSubmit={submit} className="form-grid">
      <label htmlFor="kin-name">{t('record.kinName')}</label>
      <input id="kin-name" value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="kin-relation">{t('record.kinRelation')}</label>
      <input id="kin-relation" value={relation} onChange={(e) => setRelation(e.target.value)} />
      <label htmlFor="kin-phone">{t('record.kinPhone')}</label>
      <input id="kin-phone" inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      <div className="checkbox">
        <input id="kin-closest" type="checkbox" checked={isClosest} onChange={(e) => setClosest(e.target.checked)} />
        <label htmlFor="kin-closest">{t('record.kinClosest')}</label>
      </div>
      <ErrorMessage
        error={error}
        labels={{ name: t('record.kinName'), relation: t('record.kinRelation'), phone: t('record.kinPhone') }}
      />
      <div className="row">
        <button type="submit" className="primary">
          {t('record.save')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('record.cancel')}
        </button>
      </div>
    </form>
  );
}
