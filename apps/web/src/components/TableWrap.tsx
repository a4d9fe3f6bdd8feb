import type { ReactNode } from 'react';

/**
 * Wide tables scroll sideways on a phone; the scroll area must be reachable by keyboard
 * (WCAG 2.1.1), so it is a focusable, labelled region.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
