import type { NextOfKinRequest } from '@tillit/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FieldError, Required, useFieldProblems } from '../components/fields.tsx';

const P = 'kin-';
const FIELDS = ['name', 'relation', 'phone'];

export function NextOfKinForm({ recipientId, onSaved }: { recipientId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [relation, setRelation] = useState('');
  const [phone, setPhone] = useState('');
  const [isClosest, setClosest] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Each problem stands under its field, and focus goes to the first (WCAG 3.3.1).
  const f = useFieldProblems(error, P, FIELDS, 'record');

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
    <form onSubmit={submit} className="form-grid" noValidate>
      <label htmlFor="kin-name">
        {t('record.kinName')}
        <Required />
      </label>
      <input {...f.input('name')} value={name} onChange={(e) => setName(e.target.value)} required />
      <FieldError id="kin-name" message={f.message('name')} />
      <label htmlFor="kin-relation">
        {t('record.kinRelation')}
        <Required />
      </label>
      <input {...f.input('relation')} value={relation} onChange={(e) => setRelation(e.target.value)} required />
      <FieldError id="kin-relation" message={f.message('relation')} />
      <label htmlFor="kin-phone">{t('record.kinPhone')}</label>
      <input {...f.input('phone')} inputMode="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      <FieldError id="kin-phone" message={f.message('phone')} />
      <div className="checkbox">
        <input id="kin-closest" type="checkbox" checked={isClosest} onChange={(e) => setClosest(e.target.checked)} />
        <label htmlFor="kin-closest">{t('record.kinClosest')}</label>
      </div>
      <div ref={f.generalRef} tabIndex={-1} className="span-all">
        <ErrorMessage error={f.general} />
      </div>
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
