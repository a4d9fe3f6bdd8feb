import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';

/**
 * One polite live region for the whole app (WCAG 4.1.3), mounted once in App before any message:
 * a region that appears together with its text is not read by most screen readers. After an
 * action, `announce(text, focus)` says what happened and moves focus to where the result is
 * (WCAG 2.4.3), so focus never drops to the page body when the button pressed goes away.
 */
type Announce = (text: string, focus?: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

export const ANNOUNCER_ID = 'announcer';

/** Focus the element `selector` names once it is on the page (the result may render a frame later). */
export function focusWhenPresent(selector: string, tries = 20) {
  const el = document.querySelector<HTMLElement>(selector);
  if (el) {
    // Headings and messages are not focusable by themselves; -1 lets script focus them without adding a tab stop.
    if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus();
    return;
  }
  if (tries > 0) window.setTimeout(() => focusWhenPresent(selector, tries - 1), 50);
}

export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [text, setText] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback<Announce>((message, focus) => {
    // Emptied first, so the same words said twice in a row are read twice.
    setText('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setText(message), 100);
    if (focus) focusWhenPresent(focus);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div id={ANNOUNCER_ID} aria-live="polite" aria-atomic="true" className="visually-hidden">
        {text}
      </div>
    </AnnounceContext.Provider>
  );
}

/** Say `text` through the app's live region and optionally move focus to `focus` (a CSS selector). */
export const useAnnounce = () => useContext(AnnounceContext);
