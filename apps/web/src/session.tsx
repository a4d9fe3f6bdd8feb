import { createContext, useContext } from 'react';
import type { Me } from './api.ts';

export const SessionContext = createContext<{ me: Me; logOut: () => void } | null>(null);

/** The logged-in user; only used inside the authenticated layout. */
export function useSession() {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a session');
  return s;
}
