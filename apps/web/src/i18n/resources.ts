/// <reference types="vite/client" />
import en from './en.json';
import nb from './nb.json';

type Texts = Record<string, unknown>;

/**
 * Each domain added after the first release keeps its texts in its own pair of files,
 * `domains/<domain>.nb.json` and `domains/<domain>.en.json`, read here under the key `<domain>`
 * (so `t('medicines.title')`). Domains built side by side then never edit the same large file.
 */
const domainFiles = import.meta.glob<Texts>('./domains/*.json', { eager: true, import: 'default' });

export function withDomains(base: Texts, language: 'nb' | 'en', files: Record<string, Texts> = domainFiles): Texts {
  const merged: Texts = { ...base };
  for (const [path, texts] of Object.entries(files)) {
    const match = /\/([a-z0-9-]+)\.(nb|en)\.json$/.exec(path);
    // A file named otherwise (e.g. camelCase) would be skipped without a word and its texts shown as keys.
    if (!match) throw new Error(`i18n: domain file ${path} must be named <domain>.<nb|en>.json in lower case`);
    if (match[2] !== language) continue;
    if (match[1] in merged) throw new Error(`i18n: domain file ${path} would replace the key «${match[1]}»`);
    merged[match[1]] = texts;
  }
  return merged;
}

export const resources = {
  nb: { translation: withDomains(nb, 'nb') },
  en: { translation: withDomains(en, 'en') },
};

/** Every key path of a text tree, for the test that nb and en name the same texts. */
export function keyPaths(tree: Texts, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object' ? keyPaths(value as Texts, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
