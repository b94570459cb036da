import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, onSessionLost, setCsrfToken } from '../../api/client.ts';
import type { LoginResponse, Principal } from '../../api/types.ts';

/** The signed-in user, and how to sign in and out. */
export interface Session {
  user: Principal | undefined;
  checking: boolean;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Finds out whether a session exists (`GET /auth/me`) and provides it to the app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Principal | undefined>();
  const [checking, setChecking] = useState(true);
  useEffect(() => {
    onSessionLost(() => setUser(undefined));
    api<Principal>('GET', '/auth/me').then(
      (u) => {
        setUser(u);
        setChecking(false);
      },
      () => setChecking(false),
    );
  }, []);
  const signIn = useCallback(async (email: string, password: string) => {
    const res = await api<LoginResponse>('POST', '/auth/login', { email, password });
    setCsrfToken(res.csrfToken);
    setUser(res.user);
  }, []);
  const signOut = useCallback(async () => {
    try {
      await api('POST', '/auth/logout');
    } finally {
      setCsrfToken(undefined);
      setUser(undefined);
    }
  }, []);
  return (
    <SessionContext.Provider value={{ user, checking, signIn, signOut }}>{children}</SessionContext.Provider>
  );
}

/** The session of the app. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
