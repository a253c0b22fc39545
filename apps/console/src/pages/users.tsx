import { useState } from 'react';
import { api, ok } from '../api/client';
import { useLoad, Show } from '../ui/async';
import { Select } from '../ui/field';
import { Link } from '../ui/router';

/** Find a user: filter by SKU and status (what GET /v1/users offers), page with the cursor. */
export function UsersPage() {
  const [skuId, setSkuId] = useState('');
  const [status, setStatus] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const [subs] = useLoad(() => ok(api.GET('/v1/subscriptions')), []);
  const [page] = useLoad(
    () =>
      ok(
        api.GET('/v1/users', {
          params: {
            query: {
              limit: 25,
              ...(skuId ? { skuId } : {}),
              ...(status ? { status: status as 'active' | 'deleted' } : {}),
              ...(cursor ? { cursor } : {}),
            },
          },
        }),
      ),
    [skuId, status, cursor],
  );
  const filter = (set: (v: string) => void) => (value: string) => {
    set(value);
    setCursors([]);
  };
  const skus: Array<[string, string]> = subs.state === 'ready' ? subs.data.items.map((s) => [s.skuId, s.skuId]) : [];
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <Select label="SKU" value={skuId} onChange={filter(setSkuId)} options={[['', 'any'], ...skus]} />
        <Select
          label="Status"
          value={status}
          onChange={filter(setStatus)}
          options={[
            ['', 'any'],
            ['active', 'active'],
            ['deleted', 'deleted'],
          ]}
        />
      </form>
      <Show loaded={page}>
        {({ items, nextCursor }) => (
          <>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">User</th>
                    <th scope="col">Location</th>
                    <th scope="col">Status</th>
                    <th scope="col">Licenses</th>
                    <th scope="col">Mailbox</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((user) => (
                    <tr key={user.userId}>
                      <td>
                        <Link to={`/users/${user.userId}`}>{user.displayName}</Link>
                        <div className="muted small">{user.userPrincipalName}</div>
                      </td>
                      <td>{user.usageLocation ?? '—'}</td>
                      <td>{user.status}</td>
                      <td>{user.licenses.map((l) => l.skuId).join(', ') || '—'}</td>
                      <td>{user.mailbox?.status ?? '—'}</td>
                    </tr>
                  ))}
                  {items.length === 0 && (
                    <tr>
                      <td colSpan={5} className="muted">
                        No users match.
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
            <nav className="pager" aria-label="Pages">
              <button type="button" disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
                Previous
              </button>
              <button
                type="button"
                disabled={!nextCursor}
                onClick={() => nextCursor && setCursors([...cursors, nextCursor])}
              >
                Next
              </button>
            </nav>
          </>
        )}
      </Show>
    </section>
  );
}
