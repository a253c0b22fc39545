import { useSyncExternalStore, type MouseEvent, type ReactNode } from 'react';

const BASE = '/console';

/**
 * The page path under /console ("/users/…"); the app routes itself with the History API. A store, not a state
 * set by a listener: a child's effect (Redirect) may change the path before this component's effect subscribes.
 */
export function usePath(): string {
  return useSyncExternalStore(subscribe, current);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  return () => window.removeEventListener('popstate', onChange);
}

function current(): string {
  return window.location.pathname.slice(BASE.length).replace(/\/$/, '') || '/';
}

export function navigate(to: string): void {
  window.history.pushState(null, '', BASE + to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const click = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={BASE + to} onClick={click} className={className} aria-current={current() === to ? 'page' : undefined}>
      {children}
    </a>
  );
}
