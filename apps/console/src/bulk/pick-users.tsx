import { useState } from 'react';
import { api, ok } from '../api/client';
import { Show, useLoad } from '../ui/async';
import { Field } from '../ui/field';

/** userId → UPN of the users ticked. */
export type Picked = Map<string, string>;

/** Tick users found by a UPN or name prefix (the API's search); ticks stay while the search changes. */
export function PickUsers({ picked, onChange }: { picked: Picked; onChange: (picked: Picked) => void }) {
  const [search, setSearch] = useState('');
  const [found] = useLoad(
    () =>
      ok(
        api.GET('/v1/users', {
          params: {
            query: { limit: 50, orderBy: 'userPrincipalName', ...(search.trim() ? { search: search.trim() } : {}) },
          },
        }),
      ),
    [search],
  );
  return (
    <>
      <Field
        label="Find users"
        type="search"
        hint="start of the UPN or the name; the first 50 are listed"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <Show loaded={found}>
        {({ items }) => (
          <div className="picklist">
            {items.map((user) => (
              <label key={user.userId}>
                <input
                  type="checkbox"
                  checked={picked.has(user.userId)}
                  onChange={(event) => {
                    const next = new Map(picked);
                    if (event.target.checked) next.set(user.userId, user.userPrincipalName);
                    else next.delete(user.userId);
                    onChange(next);
                  }}
                />
                <span>
                  {user.userPrincipalName}
                  {user.status === 'deleted' && <span className="muted"> (deleted)</span>}
                </span>
              </label>
            ))}
            {items.length === 0 && <p className="muted">No user starts with “{search}”.</p>}
          </div>
        )}
      </Show>
      {picked.size > 0 && <p className="small">{picked.size} user(s) ticked.</p>}
    </>
  );
}
