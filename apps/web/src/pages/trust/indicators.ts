import type { TFunction } from 'i18next';
import { locale } from '../../i18n/index.ts';

/** The server's team indicators: the shapes live in packages/contracts (trust.ts). */
import type { IndicatorId, Indicators } from '@tillit/contracts';

export type { IndicatorId, Indicators };

/** Each indicator: its label and definition keys (the «Våre tall» texts), its unit and how to read it. */
export const INDICATORS: {
  id: IndicatorId;
  label: string;
  def: string;
  unit: 'share' | 'hours' | 'days' | 'count' | 'index';
}[] = [
  { id: 'punctuality', label: 'trust.punctuality', def: 'trust.punctualityDef', unit: 'share' },
  { id: 'notCheckedIn', label: 'trust.notCheckedIn', def: 'trust.notCheckedInDef', unit: 'share' },
  { id: 'unstaffedOrCancelled', label: 'trust.unstaffed', def: 'trust.unstaffedDef', unit: 'share' },
  { id: 'flagToPlanHours', label: 'trust.flagToPlan', def: 'trust.flagToPlanDef', unit: 'hours' },
  {
    id: 'requestToDecisionDays',
    label: 'requests.ind_requestToDecision',
    def: 'requests.ind_requestToDecisionDef',
    unit: 'days',
  },
  {
    id: 'decisionToVisitDays',
    label: 'requests.ind_decisionToVisit',
    def: 'requests.ind_decisionToVisitDef',
    unit: 'days',
  },
  { id: 'planFidelity', label: 'trust.fidelity', def: 'trust.fidelityDef', unit: 'share' },
  { id: 'decisionsDelivered', label: 'trust.delivered', def: 'trust.deliveredDef', unit: 'share' },
  { id: 'distinctMedian', label: 'trust.distinct', def: 'trust.distinctDef', unit: 'count' },
  { id: 'cocMean', label: 'trust.coc', def: 'trust.cocDef', unit: 'index' },
  { id: 'primaryContactShare', label: 'trust.primary', def: 'trust.primaryDef', unit: 'share' },
];

export function indicatorValue(i: Indicators, id: IndicatorId): number | null {
  switch (id) {
    case 'punctuality':
      return i.ability.punctuality.value;
    case 'notCheckedIn':
      return i.ability.notCheckedIn.value;
    case 'unstaffedOrCancelled':
      return i.ability.unstaffedOrCancelled.value;
    case 'flagToPlanHours':
      return i.ability.flagToPlanHours.value;
    case 'requestToDecisionDays':
      return i.ability.requestToDecision.medianDays;
    case 'decisionToVisitDays':
      return i.ability.decisionToFirstVisit.medianDays;
    case 'planFidelity':
      return i.integrity.planFidelity.value;
    case 'decisionsDelivered':
      return i.integrity.decisionsDelivered.value;
    case 'distinctMedian':
      return i.integrity.continuity.distinctMedian;
    case 'cocMean':
      return i.integrity.continuity.cocMean;
    case 'primaryContactShare':
      return i.integrity.continuity.primaryContactShare;
  }
}

/** A value as the chart plots it: shares in percent, others as they are. */
export const plotted = (id: IndicatorId, v: number | null) => {
  if (v === null) return null;
  const unit = INDICATORS.find((x) => x.id === id)!.unit;
  return unit === 'share' ? Math.round(v * 1000) / 10 : Math.round(v * 100) / 100;
};

/** A value as text in the current language: «80 %», «12 t», «2», «0,54»; a dash when there is none. */
export function formatValue(t: TFunction, id: IndicatorId, v: number | null): string {
  if (v === null) return t('trust.none');
  const unit = INDICATORS.find((x) => x.id === id)!.unit;
  const nf = (digits: number) => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits });
  if (unit === 'share') return `${nf(1).format(v * 100)} %`;
  if (unit === 'hours') return t('dialogue.hours', { value: nf(1).format(v) });
  if (unit === 'days') return t('requests.days', { value: nf(1).format(v) });
  if (unit === 'index') return nf(2).format(v);
  return nf(1).format(v);
}

/** A change as text: percentage points for shares, with a sign. */
export function formatChange(t: TFunction, id: IndicatorId, change: number | null): string {
  if (change === null) return t('trust.none');
  const unit = INDICATORS.find((x) => x.id === id)!.unit;
  const nf = new Intl.NumberFormat(locale(), {
    maximumFractionDigits: unit === 'index' ? 2 : 1,
    signDisplay: 'exceptZero',
  });
  if (unit === 'share') return t('dialogue.points', { value: nf.format(change * 100) });
  if (unit === 'hours') return t('dialogue.hours', { value: nf.format(change) });
  if (unit === 'days') return t('requests.days', { value: nf.format(change) });
  return nf.format(change);
}

/** A CSV file as a data: address (semicolon-separated, with a BOM so spreadsheet programs read æøå). */
export function csvHref(lines: string[][]) {
  const esc = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\ufeff${lines.map((l) => l.map(esc).join(';')).join('\n')}`)}`;
}
