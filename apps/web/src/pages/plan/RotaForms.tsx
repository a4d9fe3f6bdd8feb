/**
 * The two forms of «Turnus og fravær»: a rota entry (kind, hours, weekdays, cycle, from when)
 * and an absence. RotaPage holds their state, so a failed save keeps what was typed.
 */
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdayName } from '../../components/time.ts';

export interface EntryDraft {
  staffId: string;
  kind: string;
  weekdays: number[];
  everyWeeks: number;
  weekOffset: number;
  start: string;
  end: string;
  validFrom: string;
}
export interface AbsenceDraft {
  staffId: string;
  fromDate: string;
  toDate: string;
  reason: string;
}
type Staff = { id: string; name: string }[];
type EntryProps = { entry: EntryDraft; setEntry: Dispatch<SetStateAction<EntryDraft>> };

export const toMinutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** The usual hours of each kind of shift, filled in when the kind is chosen. */
const HOURS: Record<string, { start: string; end: string }> = {
  day: { start: '07:30', end: '15:00' },
  evening: { start: '15:00', end: '22:00' },
  night: { start: '22:00', end: '07:00' },
};
/** A shift that ends at or before its start runs past midnight: its end is the next morning (minute + 1440). */
export const endMinuteOf = (start: string, end: string) =>
  toMinutes(end) <= toMinutes(start) ? toMinutes(end) + 1440 : toMinutes(end);

function StaffSelect({
  id,
  staff,
  value,
  onChange,
}: {
  id: string;
  staff: Staff;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} required>
      <option value="">–</option>
      {staff.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}

export function RotaEntryForm({ staff, entry, setEntry, onSave }: EntryProps & { staff: Staff; onSave: () => void }) {
  const { t } = useTranslation();
  const overnight = endMinuteOf(entry.start, entry.end) > 1440;
  return (
    <form
      className="card stack"
      aria-labelledby="rota-add"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h2 id="rota-add">{t('rota.add')}</h2>
      <p className="small muted">{t('rota.splitHelp')}</p>
      <div className="inline-form">
        <div>
          <label htmlFor="rota-staff">{t('plan.helper')}</label>
          <StaffSelect
            id="rota-staff"
            staff={staff}
            value={entry.staffId}
            onChange={(staffId) => setEntry({ ...entry, staffId })}
          />
        </div>
        <ShiftHours entry={entry} setEntry={setEntry} />
      </div>
      {overnight && (
        <p id="rota-overnight" className="small" aria-live="polite">
          {t('rota.overnight', { end: entry.end })}
        </p>
      )}
      <WeekdayPicker entry={entry} setEntry={setEntry} />
      <div className="inline-form">
        <CycleFields entry={entry} setEntry={setEntry} />
        <div>
          <label htmlFor="rota-from">{t('rota.validFrom')}</label>
          <input
            id="rota-from"
            type="date"
            value={entry.validFrom}
            onChange={(e) => setEntry({ ...entry, validFrom: e.target.value })}
            required
          />
        </div>
        <button type="submit" className="primary">
          {t('rota.save')}
        </button>
      </div>
    </form>
  );
}

/** Kind of shift and its hours; choosing a kind fills in its usual hours. */
function ShiftHours({ entry, setEntry }: EntryProps) {
  const { t } = useTranslation();
  const overnight = endMinuteOf(entry.start, entry.end) > 1440;
  return (
    <>
      <div>
        <label htmlFor="rota-kind">{t('rota.kind')}</label>
        <select
          id="rota-kind"
          value={entry.kind}
          onChange={(e) => setEntry({ ...entry, kind: e.target.value, ...HOURS[e.target.value] })}
        >
          {['day', 'evening', 'night'].map((k) => (
            <option key={k} value={k}>
              {t(`rota.kind_${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="rota-start">{t('rota.start')}</label>
        <input
          id="rota-start"
          type="time"
          value={entry.start}
          onChange={(e) => setEntry({ ...entry, start: e.target.value })}
          required
        />
      </div>
      <div>
        <label htmlFor="rota-end">{t('rota.end')}</label>
        <input
          id="rota-end"
          type="time"
          value={entry.end}
          onChange={(e) => setEntry({ ...entry, end: e.target.value })}
          aria-describedby={overnight ? 'rota-overnight' : undefined}
          required
        />
      </div>
    </>
  );
}

/** The weekdays the shift is on. */
function WeekdayPicker({ entry, setEntry }: EntryProps) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('rota.weekdays')}</legend>
      <div className="row">
        {WEEKDAYS.map((d) => (
          <label key={d}>
            <input
              type="checkbox"
              checked={entry.weekdays.includes(d)}
              onChange={(e) =>
                setEntry({
                  ...entry,
                  weekdays: e.target.checked ? [...entry.weekdays, d].sort() : entry.weekdays.filter((x) => x !== d),
                })
              }
            />{' '}
            {weekdayName(d)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Every n weeks, and which week of the cycle. */
function CycleFields({ entry, setEntry }: EntryProps) {
  const { t } = useTranslation();
  return (
    <>
      <div>
        <label htmlFor="rota-every">{t('rota.every')}</label>
        <select
          id="rota-every"
          value={entry.everyWeeks}
          onChange={(e) => setEntry({ ...entry, everyWeeks: Number(e.target.value), weekOffset: 0 })}
        >
          {[1, 2, 3, 4].map((n) => (
            <option key={n} value={n}>
              {t('rota.everyN', { count: n })}
            </option>
          ))}
        </select>
      </div>
      {entry.everyWeeks > 1 && (
        <div>
          <label htmlFor="rota-week">{t('rota.week')}</label>
          <select
            id="rota-week"
            value={entry.weekOffset}
            onChange={(e) => setEntry({ ...entry, weekOffset: Number(e.target.value) })}
          >
            {Array.from({ length: entry.everyWeeks }, (_, i) => (
              <option key={i} value={i}>
                {i + 1}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}

export function AbsenceForm({
  staff,
  absence,
  setAbsence,
  onSave,
}: {
  staff: Staff;
  absence: AbsenceDraft;
  setAbsence: Dispatch<SetStateAction<AbsenceDraft>>;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <form
      className="card stack"
      aria-labelledby="absence-add"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h2 id="absence-add">{t('rota.addAbsence')}</h2>
      <div className="inline-form">
        <div>
          <label htmlFor="abs-staff">{t('plan.helper')}</label>
          <StaffSelect
            id="abs-staff"
            staff={staff}
            value={absence.staffId}
            onChange={(staffId) => setAbsence({ ...absence, staffId })}
          />
        </div>
        <div>
          <label htmlFor="abs-from">{t('rota.fromDate')}</label>
          <input
            id="abs-from"
            type="date"
            value={absence.fromDate}
            onChange={(e) => setAbsence({ ...absence, fromDate: e.target.value })}
            required
          />
        </div>
        <div>
          <label htmlFor="abs-to">{t('rota.toDate')}</label>
          <input
            id="abs-to"
            type="date"
            value={absence.toDate}
            onChange={(e) => setAbsence({ ...absence, toDate: e.target.value })}
            required
          />
        </div>
        <div>
          <label htmlFor="abs-reason">{t('rota.reason')}</label>
          <select
            id="abs-reason"
            value={absence.reason}
            onChange={(e) => setAbsence({ ...absence, reason: e.target.value })}
          >
            {['sick', 'leave', 'course', 'other'].map((r) => (
              <option key={r} value={r}>
                {t(`rota.reason_${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary">
          {t('rota.save')}
        </button>
      </div>
    </form>
  );
}
