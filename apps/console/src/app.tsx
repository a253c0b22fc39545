import { useEffect, useState, type ReactNode } from 'react';
import { may, type Task } from './auth/roles';
import { SignIn } from './auth/sign-in';
import { useSession } from './auth/session';
import type { Identity } from './auth/token';
import { AlertsPage } from './pages/alerts';
import { AuditPage } from './pages/audit';
import { BulkPage } from './pages/bulk';
import { RetentionPage, TimelinePage } from './pages/retention';
import { SeatsPage } from './pages/seats';
import { UserPage } from './pages/user';
import { UsersPage } from './pages/users';
import { Link, usePath } from './ui/router';

const WARN_BEFORE_MS = 5 * 60_000;

interface Page {
  path: string;
  title: string;
  needs: Task;
}

const PAGES: Page[] = [
  { path: '/seats', title: 'Seats', needs: 'readSeats' },
  { path: '/users', title: 'Users', needs: 'readUsers' },
  { path: '/bulk', title: 'Bulk', needs: 'changeLicenses' },
  { path: '/retention', title: 'Retention', needs: 'readRetention' },
  { path: '/audit', title: 'Audit', needs: 'readAudit' },
  { path: '/alerts', title: 'Alerts', needs: 'readAlerts' },
];

export function App() {
  const { identity } = useSession();
  return identity ? <Console identity={identity} /> : <SignIn />;
}

function Console({ identity }: { identity: Identity }) {
  const path = usePath();
  const pages = PAGES.filter((p) => may(identity.roles, p.needs));
  return (
    <>
      <a href="#main" className="skip">
        Skip to content
      </a>
      <Header identity={identity} />
      <nav className="tabs" aria-label="Pages">
        {pages.map((p) => (
          <Link key={p.path} to={p.path}>
            {p.title}
          </Link>
        ))}
      </nav>
      <main id="main">{route(path, identity, pages)}</main>
    </>
  );
}

function route(path: string, identity: Identity, pages: Page[]): ReactNode {
  const [, first, id] = path.split('/');
  const page = PAGES.find((p) => p.path === `/${first}`);
  if (!page) return pages.length ? <Redirect to={pages[0].path} /> : <NoPages />;
  if (!may(identity.roles, page.needs)) return <NotAllowed title={page.title} />;
  if (first === 'users' && id) return <UserPage key={id} userId={decodeURIComponent(id)} />;
  if (first === 'retention' && id) return <TimelinePage userId={id} />;
  return {
    seats: <SeatsPage />,
    users: <UsersPage />,
    bulk: <BulkPage />,
    retention: <RetentionPage />,
    audit: <AuditPage />,
    alerts: <AlertsPage />,
  }[first];
}

function Redirect({ to }: { to: string }) {
  useEffect(() => {
    window.history.replaceState(null, '', `/console${to}`);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, [to]);
  return null;
}

function NotAllowed({ title }: { title: string }) {
  return (
    <div className="notice error" role="alert">
      <strong>Not allowed.</strong> Your roles do not permit the {title} page. Ask an administrator for a token with the
      right role.
    </div>
  );
}

function NoPages() {
  return (
    <p className="notice">
      Your token carries no role this console knows (global-admin, user-admin, auditor, compliance).
    </p>
  );
}

function Header({ identity }: { identity: Identity }) {
  const { signOut } = useSession();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, []);
  const left = identity.expiresAt - now;
  return (
    <header className="top">
      <span className="brand">License Ledger</span>
      <span className="who" aria-label="Signed in as">
        <strong>{identity.name ?? identity.actor}</strong> <span className="muted">({identity.actor})</span> ·{' '}
        {identity.roles.join(', ') || 'no roles'} · tenant {identity.tenant ?? 'default'}
      </span>
      <button type="button" onClick={() => signOut('You signed out.')}>
        Sign out
      </button>
      {left < WARN_BEFORE_MS && (
        <p className="notice warn expiry" role="alert">
          Your token expires in {Math.max(0, Math.ceil(left / 60_000))} minute(s): save your work and sign in again with
          a new one.
        </p>
      )}
    </header>
  );
}
