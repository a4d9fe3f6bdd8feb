import type { CompetenceType } from '@tillit/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../components/useApi.ts';

/** Competence codes → names in the page's language (the catalogue is reference data). */
export function useCompetenceNames() {
  const { i18n } = useTranslation();
  const { data } = useApi<CompetenceType[]>('/api/competence-types');
  return (code: string) => {
    const c = data?.find((x) => x.code === code);
    return c ? (i18n.language === 'en' ? c.nameEn : c.nameNb) : code;
  };
}
