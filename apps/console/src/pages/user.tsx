import { useState, type ReactNode } from 'react';
import { api, ok, type UserView } from '../api/client';
import { may } from '../auth/roles';
import { useSession } from '../auth/session';
import { Show, useLoad } from '../ui/async';
import { when } from '../ui/format';
import { Link } from '../ui/router';
import { DeleteAction } from '../user/delete-action';
import { HoldAction } from '../user/hold-action';
import { LicenseActions } from '../user/license-actions';
import { ReassignAction } from '../user/reassign-action';
import { RestoreAction } from '../user/restore-action';

/** One user (by id or UPN): licenses with their disabled plans, mailbox, hold, and what the role may do to them. */
export function UserPage({ userId }: { userId: string }) {
  const { identity } = useSession();
  const roles = identity?.roles ?? [];
  const [done, setDone] = useState<string | null>(null);
  const [loaded, reload] = useLoad(
    async () => ({
      user: await ok(api.GET('/v1/users/{userId}', { params: { path: { userId } } })),
      // Compliance may read users but not seats: its license table lists plans from the license alone.
      subs: may(roles, 'readSeats') ? (await ok(api.GET('/v1/subscriptions'))).items : [],
    }),
    [userId],
  );
  const changed = (message: string) => {
    setDone(message);
    reload();
  };
  return (
    <>
      {done && (
        <p className="notice" role="status">
          {done}
        </p>
      )}
      <Show loaded={loaded}>
        {({ user, subs }) => (
          <section aria-labelledby="user-title">
            <p>
              <Link to="/users">← Users</Link>
            </p>
            <h1 id="user-title">{user.displayName}</h1>
            <Facts user={user} />
            <LicenseActions user={user} subs={subs} onChanged={changed} readOnly={!may(roles, 'changeLicenses')} />
            {may(roles, 'changeLicenses') && <ReassignAction user={user} onChanged={changed} />}
            {may(roles, 'deleteUsers') && <DeleteAction user={user} onChanged={changed} />}
            {may(roles, 'restoreUsers') && <RestoreAction user={user} onChanged={changed} />}
            {may(roles, 'holdUsers') && <HoldAction key={user.hold?.reason} user={user} onChanged={changed} />}
            {may(roles, 'readRetention') && (
              <p>
                <Link to={`/retention/${user.userId}`}>Retention timeline</Link>
              </p>
            )}
          </section>
        )}
      </Show>
    </>
  );
}

function Facts({ user }: { user: UserView }) {
  const facts: Array<[string, ReactNode]> = [
    ['UPN', user.userPrincipalName],
    ['Status', user.status],
    ['Usage location', user.usageLocation ?? '—'],
    ['Aliases', user.aliases.join(', ') || '—'],
    [
      'Mailbox',
      user.mailbox
        ? `${user.mailbox.status}${user.mailbox.purgeAfter ? `, purge after ${when(user.mailbox.purgeAfter)}` : ''}`
        : '—',
    ],
    ['Contacts list', user.mailbox?.contactsList ?? '—'],
    ['Created', when(user.createdAt)],
    ...(user.deletedAt
      ? ([
          ['Deleted', when(user.deletedAt)],
          ['Restorable until', when(user.purgeAfter)],
        ] as Array<[string, string]>)
      : []),
    [
      'Legal hold',
      user.hold
        ? `since ${when(user.hold.since)} by ${user.hold.by.name ?? user.hold.by.id}: ${user.hold.reason}`
        : 'none',
    ],
    ['Id', <code key="id">{user.userId}</code>],
  ];
  return (
    <dl className="facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
