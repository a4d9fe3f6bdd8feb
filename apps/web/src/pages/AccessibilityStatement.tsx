import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * «Tilgjengelighetserklæring»: the software's accessibility statement, open without log-in
 * (reached from the footer on every page). Public bodies in Norway must publish one; the
 * municipality's own goes in Digdir's uustatus.no, which this page says.
 */
export function AccessibilityStatement() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('a11y.statement.title')} – Tillit`;
  }, [t]);
  const list = (key: string) => t(key, { returnObjects: true }) as string[];
  return (
    <article className="stack statement">
      <h1>{t('a11y.statement.title')}</h1>
      <p>{t('a11y.statement.intro')}</p>
      <section aria-labelledby="statement-standard">
        <h2 id="statement-standard">{t('a11y.statement.standardTitle')}</h2>
        <p>{t('a11y.statement.standard')}</p>
        <p>{t('a11y.statement.municipality')}</p>
      </section>
      <section aria-labelledby="statement-how">
        <h2 id="statement-how">{t('a11y.statement.howTitle')}</h2>
        <ul>
          {list('a11y.statement.how').map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="statement-gaps">
        <h2 id="statement-gaps">{t('a11y.statement.gapsTitle')}</h2>
        <ul>
          {list('a11y.statement.gaps').map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="statement-feedback">
        <h2 id="statement-feedback">{t('a11y.statement.feedbackTitle')}</h2>
        <p>{t('a11y.statement.feedback')}</p>
      </section>
      <section aria-labelledby="statement-authority">
        <h2 id="statement-authority">{t('a11y.statement.authorityTitle')}</h2>
        <p>{t('a11y.statement.authority')}</p>
        <p>
          <a href="https://www.uutilsynet.no/" rel="noreferrer">
            {t('a11y.statement.authorityLink')}
          </a>
        </p>
      </section>
    </article>
  );
}
