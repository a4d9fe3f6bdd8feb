import type { ReactNode } from 'react';

/**
 * Wide tables scroll sideways on a phone; the scroll area must be reachable by keyboard
 * (WCAG 2.1.1), so it is a focusable, labelled region.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <section> would add a landmark per table; the role names the scroll area
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take keyboard focus (axe scrollable-region-focusable)
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
