/**
 * Gives focus back to the button that opened a dialog (WCAG 2.4.3). A change made in the dialog
 * may re-render the list the button was in (a moved visit goes to another route), so for a
 * while after closing: if focus has fallen to the body, it goes to the button with the
 * opener's accessible name, wherever that button now is.
 */
export function returnFocus(opener: HTMLElement | null, watchMs = 3000) {
  if (!opener) return;
  const label = opener.getAttribute('aria-label');
  if (opener.isConnected) opener.focus();
  if (!label) return;
  const until = Date.now() + watchMs;
  const check = () => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost) {
      const same = document.querySelector<HTMLElement>(`button[aria-label="${CSS.escape(label)}"]`);
      if (same) return same.focus();
    }
    if (Date.now() < until) window.setTimeout(check, 100);
  };
  window.setTimeout(check, 100);
}
