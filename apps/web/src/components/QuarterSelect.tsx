import { osloToday, quarterOf } from '@tillit/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { closedQuarters } from './quarters.ts';

/** "2026Q4" → «4. kvartal 2026» / «Q4 2026»; the running quarter says so. */
export function quarterLabel(t: TFunction, quarter: string): string {
  const [year, n] = quarter.split('Q');
  return t(quarter === quarterOf(osloToday()) ? 'quarters.running' : 'quarters.label', { n, year });
}

/**
 * A quarter picked from a list, never typed: the running quarter (its results wait until it is
 * over, and the page says so) and the `closed` quarters before it, newest first.
 */
export function QuarterSelect({
  id,
  label,
  value,
  onChange,
  closed = 8,
  withRunning = true,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (quarter: string) => void;
  closed?: number;
  withRunning?: boolean;
}) {
  const { t } = useTranslation();
  const quarters = [...(withRunning ? [quarterOf(osloToday())] : []), ...closedQuarters(closed)];
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {quarters.map((q) => (
          <option key={q} value={q}>
            {quarterLabel(t, q)}
          </option>
        ))}
      </select>
    </>
  );
}
