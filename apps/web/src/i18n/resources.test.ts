import { describe, expect, it } from 'vitest';
import { keyPaths, resources, withDomains } from './resources.ts';

describe('texts', () => {
  it('has the same keys in bokmål and English, domain files included', () => {
    const nb = keyPaths(resources.nb.translation).sort();
    const en = keyPaths(resources.en.translation).sort();
    expect(nb.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !nb.includes(k))).toEqual([]);
  });

  it('puts a domain file under its own key and refuses to replace an existing one', () => {
    const files = { './domains/doses.nb.json': { title: 'Doser' }, './domains/doses.en.json': { title: 'Doses' } };
    expect(withDomains({ app: {} }, 'nb', files)).toEqual({ app: {}, doses: { title: 'Doser' } });
    expect(() => withDomains({ doses: {} }, 'en', files)).toThrow(/doses/);
  });

  it('refuses a domain file it would not read (its texts would show as keys)', () => {
    expect(() => withDomains({}, 'nb', { './domains/planView.nb.json': { day: 'Dag' } })).toThrow(/planView/);
  });
});
