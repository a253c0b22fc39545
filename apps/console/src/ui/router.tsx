import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

const BASE = '/console';

/** The page path under /console ("/users/…"); the app routes itself with the History API. */
export function usePath(): string {
  const [path, setPath] = useState(current);
  useEffect(() => {
    const update = () => setPath(current());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
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
