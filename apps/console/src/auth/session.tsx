import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useBearer } from '../api/client';
import { OWN_CLAIMS, readToken, type ClaimNames, type Identity } from './token';

const STORAGE = 'ledger.token';
/** The claim names of a provider's token, kept beside it for the tab's later pages. */
const CLAIMS_STORAGE = 'ledger.claims';

interface Session {
  identity: Identity | null;
  /** Why the last sign-in ended or failed, for the sign-in page. */
  notice: string | null;
  /** `claims`: where the token holds roles and tenant (the provider's settings); the API's own names by default. */
  signIn: (token: string, claims?: ClaimNames) => string | null;
  signOut: (notice?: string) => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** A token from `#token=<jwt>` (scripted sign-in), removed from the address bar at once; else the tab's stored one. */
function initialToken(): string | null {
  const match = /^#token=(.+)$/.exec(window.location.hash);
  if (match) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    sessionStorage.removeItem(CLAIMS_STORAGE); // a token of the API's own, not the provider's
    return decodeURIComponent(match[1]);
  }
  return sessionStorage.getItem(STORAGE);
}

function storedClaims(): ClaimNames {
  return (JSON.parse(sessionStorage.getItem(CLAIMS_STORAGE) ?? 'null') as ClaimNames | null) ?? OWN_CLAIMS;
}

function valid(token: string | null): Identity | null {
  const identity = token ? readToken(token, storedClaims()) : null;
  return identity && identity.expiresAt > Date.now() ? identity : null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [identity, setIdentity] = useState<Identity | null>(() => valid(initialToken()));
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((why?: string) => {
    sessionStorage.removeItem(STORAGE);
    sessionStorage.removeItem(CLAIMS_STORAGE);
    setIdentity(null);
    setNotice(why ?? null);
  }, []);

  const signIn = useCallback((token: string, claims: ClaimNames = OWN_CLAIMS): string | null => {
    const read = readToken(token, claims);
    if (!read) return 'This is not a JWT: paste the whole token printed by `npm run cli -- token`.';
    if (read.expiresAt <= Date.now()) return 'This token has expired: mint a new one.';
    sessionStorage.setItem(STORAGE, read.token);
    sessionStorage.setItem(CLAIMS_STORAGE, JSON.stringify(claims));
    setIdentity(read);
    setNotice(null);
    return null;
  }, []);

  useBearer(identity?.token ?? null, () => signOut('The API refused the token (expired or revoked): sign in again.'));
  useEffect(() => {
    if (identity) sessionStorage.setItem(STORAGE, identity.token);
  }, [identity]);
  useEffect(() => {
    if (!identity) return;
    const timer = window.setTimeout(
      () => signOut('Your token expired: sign in again.'),
      identity.expiresAt - Date.now(),
    );
    return () => window.clearTimeout(timer);
  }, [identity, signOut]);

  return <SessionContext.Provider value={{ identity, notice, signIn, signOut }}>{children}</SessionContext.Provider>;
}
