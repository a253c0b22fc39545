import { api, ok } from '../api/client';
import { may } from '../auth/roles';
import { useSession } from '../auth/session';
import { Show, useLoad } from '../ui/async';
import { when } from '../ui/format';
import { Link } from '../ui/router';
import { DeleteAction } from '../user/delete-action';
import { LicenseActions } from '../user/license-actions';
import { ReassignAction } from '../user/reassign-action';

/** One user: licenses with their disabled plans, mailbox, aliases, and what the role may do to them. */
export function UserPage({ userId }: { userId: string }) {
  const { identity } = useSession();
  const roles = identity?.roles ?? [];
  const [loaded, reload] = useLoad(
    async () => ({
      user: await ok(api.GET('/v1/users/{userId}', { params: { path: { userId } } })),
      subs: (await ok(api.GET('/v1/subscriptions'))).items,
    }),
    [userId],
  );
  return (
    <Show loaded={loaded}>
      {({ user, subs }) => (
        <section aria-labelledby="user-title">
          <p>
            <Link to="/users">← Users</Link>
          </p>
          <h1 id="user-title">{user.displayName}</h1>
          <dl className="facts">
            <div>
              <dt>UPN</dt>
              <dd>{user.userPrincipalName}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{user.status}</dd>
            </div>
            <div>
              <dt>Usage location</dt>
              <dd>{user.usageLocation ?? '—'}</dd>
            </div>
            <div>
              <dt>Aliases</dt>
              <dd>{user.aliases.join(', ') || '—'}</dd>
            </div>
            <div>
              <dt>Mailbox</dt>
              <dd>
                {user.mailbox
                  ? `${user.mailbox.status}${user.mailbox.purgeAfter ? `, purge after ${when(user.mailbox.purgeAfter)}` : ''}`
                  : '—'}
              </dd>
            </div>
            <div>
              <dt>Contacts list</dt>
              <dd>{user.mailbox?.contactsList ?? '—'}</dd>
            </div>
            <div>
              <dt>Id</dt>
              <dd>
                <code>{user.userId}</code>
              </dd>
            </div>
          </dl>
          <LicenseActions user={user} subs={subs} onChanged={reload} readOnly={!may(roles, 'changeLicenses')} />
          {may(roles, 'changeLicenses') && <ReassignAction user={user} subs={subs} onChanged={reload} />}
          {may(roles, 'deleteUsers') && <DeleteAction user={user} onChanged={reload} />}
          {may(roles, 'readRetention') && (
            <p>
              <Link to={`/retention/${user.userId}`}>Retention timeline</Link>
            </p>
          )}
        </section>
      )}
    </Show>
  );
}
