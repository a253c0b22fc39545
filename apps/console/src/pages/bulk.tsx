import { useState } from 'react';
import { api, ApiProblem, ok, showFailure } from '../api/client';
import { Outcome, type DeleteResult, type LicensesResult } from '../bulk/outcome';
import { PickUsers, type Picked } from '../bulk/pick-users';
import { Problem, Show, useLoad } from '../ui/async';
import { Field, Select } from '../ui/field';

type Action = 'add' | 'replace' | 'remove' | 'delete';
type Result = { kind: 'licenses'; body: LicensesResult } | { kind: 'delete'; body: DeleteResult };

/** Pasted UPNs → users, each looked up by UPN (GET /v1/users/{upn}); the ones no user holds are returned apart. */
async function resolve(text: string): Promise<{ found: Picked; unknown: string[] }> {
  const upns = [...new Set(text.split(/[\s,;]+/).filter(Boolean))];
  const found: Picked = new Map();
  const unknown: string[] = [];
  await Promise.all(
    upns.map(async (upn) => {
      try {
        const user = await ok(api.GET('/v1/users/{userId}', { params: { path: { userId: upn } } }));
        found.set(user.userId, user.userPrincipalName);
      } catch (e) {
        if (e instanceof ApiProblem && e.status === 404) unknown.push(upn);
        else throw e;
      }
    }),
  );
  return { found, unknown };
}

/** Many users at once: add, replace or remove SKUs, or delete them; a dry run of every user's outcome, then apply. */
export function BulkPage() {
  const [subs] = useLoad(() => ok(api.GET('/v1/subscriptions')), []);
  const [picked, setPicked] = useState<Picked>(new Map());
  const [pasted, setPasted] = useState('');
  const [skus, setSkus] = useState<Set<string>>(new Set());
  const [action, setAction] = useState<Action>('add');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<Result | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const stale = () => setResult(null);

  const send = async (dryRun: boolean) => {
    const found: Record<string, string> = {};
    setBusy(true);
    setError(null);
    try {
      const users = new Map(picked);
      const pastedUsers = await resolve(pasted);
      for (const [id, upn] of pastedUsers.found) users.set(id, upn);
      if (pastedUsers.unknown.length) found.pasted = `No user holds these UPNs: ${pastedUsers.unknown.join(', ')}.`;
      else if (users.size === 0) found.userIds = 'Pick at least one user.';
      if (users.size > 1000) found.userIds = 'At most 1,000 users at once.';
      if (action !== 'delete' && skus.size === 0) found.skuIds = 'Pick at least one SKU.';
      setErrors(found);
      if (Object.keys(found).length) return setResult(null);
      const userIds = [...users.keys()];
      setNames(users);
      setResult(
        action === 'delete'
          ? { kind: 'delete', body: await ok(api.POST('/v1/users/delete', { body: { userIds, dryRun } })) }
          : {
              kind: 'licenses',
              body: await ok(
                api.POST('/v1/licenses/bulk', { body: { userIds, skuIds: [...skus], mode: action, dryRun } }),
              ),
            },
      );
    } catch (e) {
      showFailure(e, setErrors, setError);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="bulk-title">
      <h1 id="bulk-title">Bulk changes</h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send(true);
        }}
      >
        <fieldset className="pick" aria-describedby={errors.userIds ? 'users-error' : undefined}>
          <legend>Users</legend>
          <PickUsers
            picked={picked}
            onChange={(next) => {
              setPicked(next);
              stale();
            }}
          />
          <Field
            label="Or paste UPNs"
            hint="separated by spaces, commas or new lines"
            value={pasted}
            onChange={(event) => {
              setPasted(event.target.value);
              stale();
            }}
            error={errors.pasted}
          />
          {errors.userIds && (
            <small id="users-error" className="field-error">
              {errors.userIds}
            </small>
          )}
        </fieldset>
        <Select
          label="Change"
          value={action}
          onChange={(v) => {
            setAction(v as Action);
            stale();
          }}
          options={[
            ['add', 'add SKUs to their licenses'],
            ['replace', 'replace their licenses with the SKUs'],
            ['remove', 'remove SKUs from their licenses'],
            ['delete', 'delete the users'],
          ]}
        />
        {action !== 'delete' && (
          <fieldset className="pick" aria-describedby={errors.skuIds ? 'skus-error' : undefined}>
            <legend>SKUs</legend>
            <Show loaded={subs}>
              {({ items }) =>
                items.map((sub) => (
                  <label key={sub.skuId}>
                    <input
                      type="checkbox"
                      checked={skus.has(sub.skuId)}
                      onChange={(event) => {
                        const next = new Set(skus);
                        if (event.target.checked) next.add(sub.skuId);
                        else next.delete(sub.skuId);
                        setSkus(next);
                        stale();
                      }}
                    />
                    {sub.skuId} <span className="muted">({sub.available} available)</span>
                  </label>
                ))
              }
            </Show>
            {errors.skuIds && (
              <small id="skus-error" className="field-error">
                {errors.skuIds}
              </small>
            )}
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" disabled={busy}>
            Dry run
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy || !result?.body.dryRun || !result.body.ok}
            onClick={() => void send(false)}
          >
            Apply
          </button>
        </div>
      </form>
      {busy && <p role="status">Asking the ledger…</p>}
      {error !== null && <Problem error={error} />}
      {result && <Outcome result={result} names={names} />}
    </section>
  );
}
