import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** WCAG 2.x relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
const variable = (name: string) => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m) throw new Error(`--${name} is not a #rrggbb colour in styles.css`);
  return m[1];
};
const toHex = (value: string) => {
  const v = value.trim();
  if (v === '#fff') return '#ffffff';
  const named = /^var\(--([a-z-]+)\)$/.exec(v);
  return named ? variable(named[1]) : /^#[0-9a-fA-F]{6}$/.test(v) ? v : null;
};
/** Every solid background the stylesheet paints: a focused element stands on one of them. */
const backgrounds = [
  ...new Set(
    [...css.matchAll(/(?:^|[\s;{])(?:background|--(?:bg|card|brand|ok-bg|warn-bg|err-bg|danger)):\s*([^;]+);/g)]
      .map((m) => toHex(m[1]))
      .filter((c): c is string => c !== null),
  ),
];

describe('the focus indicator (WCAG 1.4.11)', () => {
  const ring = variable('focus-ring');
  const halo = variable('focus-halo');

  it('finds the backgrounds, the green top bar among them', () => {
    expect(backgrounds).toContain(variable('brand'));
    expect(backgrounds.length).toBeGreaterThanOrEqual(8);
  });

  it('has its two rings at ≥ 3:1 to each other, so the ring is seen as a ring', () => {
    expect(contrast(ring, halo)).toBeGreaterThanOrEqual(3);
  });

  it.each(backgrounds)('stands out at ≥ 3:1 against %s by one of its rings', (bg) => {
    expect(Math.max(contrast(ring, bg), contrast(halo, bg))).toBeGreaterThanOrEqual(3);
  });

  it('was 1.14:1 on the top bar with the old single blue ring (the finding this fixes)', () => {
    expect(contrast('#1a56c4', variable('brand'))).toBeLessThan(1.5);
  });

  it('computes the known ratio of black on white', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
