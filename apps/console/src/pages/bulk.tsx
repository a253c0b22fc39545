import { useState } from 'react';
import { api, ok, ApiProblem, type UserView } from '../api/client';
import { Problem, Show, useLoad } from '../ui/async';
import { Field, Select } from '../ui/field';

type Result = Awaited<ReturnType<typeof run>>;

function run(userIds: string[], skuIds: string[], mode: 'add' | 'replace', dryRun: boolean) {
  return ok(api.POST('/v1/licenses/bulk', { body: { userIds, skuIds, mode, dryRun } }));
}

/** Every active user, to resolve pasted UPNs (this API has no UPN lookup): at most 10 pages of 1,000. */
async function allUsers(): Promise<UserView[]> {
  const users: UserView[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const { items, nextCursor } = await ok(
      api.GET('/v1/users', { params: { query: { limit: 1000, status: 'active', ...(cursor ? { cursor } : {}) } } }),
    );
    users.push(...items);
    if (!nextCursor) break;
    cursor = nextCursor;
  }
  return users;
}

/** Pick users (tick them, or paste UPNs), add or replace SKUs: dry run first, every user's outcome, then apply. */
export function BulkPage() {
  const [loaded] = useLoad(
    async () => ({ users: await allUsers(), subs: (await ok(api.GET('/v1/subscriptions'))).items }),
    [],
  );
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [pasted, setPasted] = useState('');
  const [skus, setSkus] = useState<Set<string>>(new Set());
  const [mode, setMode] = useState<'add' | 'replace'>('add');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  return (
    <section aria-labelledby="bulk-title">
      <h1 id="bulk-title">Bulk licenses</h1>
      <Show loaded={loaded}>
        {({ users, subs }) => {
          const byUpn = new Map(users.map((u) => [u.userPrincipalName.toLowerCase(), u]));
          const name = new Map(users.map((u) => [u.userId, u.userPrincipalName]));
          const send = async (dryRun: boolean) => {
            const found: Record<string, string> = {};
            const ids = new Set(picked);
            const unknown: string[] = [];
            for (const upn of pasted.split(/[\s,;]+/).filter(Boolean)) {
              const user = byUpn.get(upn.toLowerCase());
              if (user) ids.add(user.userId);
              else unknown.push(upn);
            }
            if (unknown.length) found.userIds = `No active user has these UPNs: ${unknown.join(', ')}.`;
            else if (ids.size === 0) found.userIds = 'Pick at least one user.';
            if (skus.size === 0) found.skuIds = 'Pick at least one SKU.';
            setErrors(found);
            if (Object.keys(found).length) return;
            setBusy(true);
            setError(null);
            try {
              setResult(await run([...ids], [...skus], mode, dryRun));
            } catch (e) {
              if (e instanceof ApiProblem && e.code === 'ValidationFailed') setErrors(e.fields);
              else setError(e);
              setResult(null);
            } finally {
              setBusy(false);
            }
          };
          return (
            <>
              <form
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  void send(true);
                }}
              >
                <fieldset className="pick" aria-describedby={errors.userIds ? 'users-error' : undefined}>
                  <legend>Users</legend>
                  <div className="picklist">
                    {users.map((user) => (
                      <label key={user.userId}>
                        <input
                          type="checkbox"
                          checked={picked.has(user.userId)}
                          onChange={(event) => {
                            const next = new Set(picked);
                            if (event.target.checked) next.add(user.userId);
                            else next.delete(user.userId);
                            setPicked(next);
                            setResult(null);
                          }}
                        />
                        {user.userPrincipalName}
                      </label>
                    ))}
                  </div>
                  <Field
                    label="Or paste UPNs"
                    hint="separated by spaces, commas or new lines"
                    value={pasted}
                    onChange={(event) => setPasted(event.target.value)}
                  />
                  {errors.userIds && (
                    <small id="users-error" className="field-error">
                      {errors.userIds}
                    </small>
                  )}
                </fieldset>
                <fieldset className="pick" aria-describedby={errors.skuIds ? 'skus-error' : undefined}>
                  <legend>SKUs</legend>
                  {subs.map((sub) => (
                    <label key={sub.skuId}>
                      <input
                        type="checkbox"
                        checked={skus.has(sub.skuId)}
                        onChange={(event) => {
                          const next = new Set(skus);
                          if (event.target.checked) next.add(sub.skuId);
                          else next.delete(sub.skuId);
                          setSkus(next);
                          setResult(null);
                        }}
                      />
                      {sub.skuId} <span className="muted">({sub.available} available)</span>
                    </label>
                  ))}
                  {errors.skuIds && (
                    <small id="skus-error" className="field-error">
                      {errors.skuIds}
                    </small>
                  )}
                </fieldset>
                <Select
                  label="Mode"
                  value={mode}
                  onChange={(v) => setMode(v as 'add' | 'replace')}
                  options={[
                    ['add', 'add to their licenses'],
                    ['replace', 'replace their licenses'],
                  ]}
                />
                <div className="actions">
                  <button type="submit" disabled={busy}>
                    Dry run
                  </button>
                  <button
                    type="button"
                    className="danger"
                    disabled={busy || !result?.dryRun}
                    onClick={() => void send(false)}
                  >
                    Apply
                  </button>
                </div>
              </form>
              {error !== null && <Problem error={error} />}
              {result && (
                <div className="table-wrap">
                  <table>
                    <caption>{result.applied ? 'Applied' : 'Dry run: nothing applied yet'}</caption>
                    <thead>
                      <tr>
                        <th scope="col">User</th>
                        <th scope="col">Added</th>
                        <th scope="col">Removed</th>
                        <th scope="col">Mailbox</th>
                      </tr>
                    </thead>
                    <tbody>
                      {result.users.map((u) => (
                        <tr key={u.userId} className={u.mailboxEntersGracePeriod ? 'warn' : undefined}>
                          <td>{name.get(u.userId) ?? u.userId}</td>
                          <td>{u.added.join(', ') || '—'}</td>
                          <td>{u.removed.join(', ') || '—'}</td>
                          <td>{u.mailboxEntersGracePeriod ? 'enters its 30-day grace period' : 'unchanged'}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <p className="small">
                    Seats:{' '}
                    {result.seats.map((s) => `${s.skuId} needs ${s.needed}, ${s.available} available`).join('; ') ||
                      'none needed'}
                  </p>
                </div>
              )}
            </>
          );
        }}
      </Show>
    </section>
  );
}
