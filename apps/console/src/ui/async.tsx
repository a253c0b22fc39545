import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ApiProblem } from '../api/client';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: T };

/** Runs `load` when `deps` change; `reload` runs it again (after a command). */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    load().then(
      (data) => live && setLoaded({ state: 'ready', data }),
      (error: unknown) => live && setLoaded({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  return [loaded, useCallback(() => setRound((n) => n + 1), [])];
}

/** Loading, error or the content. */
export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading')
    return (
      <p className="muted" role="status">
        Loading…
      </p>
    );
  if (loaded.state === 'error') return <Problem error={loaded.error} />;
  return <>{children(loaded.data)}</>;
}

/** An API error, said for people: a 403 says which roles the action needs. */
export function Problem({ error }: { error: unknown }) {
  if (error instanceof ApiProblem && error.status === 403) {
    const roles = (error.details?.requiredRoles as string[] | undefined) ?? [];
    return (
      <div className="notice error" role="alert">
        <strong>Not allowed.</strong> Your roles do not permit this: it needs{' '}
        {['global-admin', ...roles.filter((r) => r !== 'global-admin')].join(' or ')}. Ask an administrator for a token
        with one of them.
      </div>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiProblem ? ` (${error.code})` : '';
  return (
    <div className="notice error" role="alert">
      {message}
      {code}
    </div>
  );
}
