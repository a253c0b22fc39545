import { useState } from 'react';
import { api, ApiProblem, ok } from '../api/client';
import type { operations } from '../api/schema';
import { Problem, Show, useLoad } from '../ui/async';
import { Field, Select } from '../ui/field';
import { Link, navigate } from '../ui/router';
import { Pager } from '../ui/pager';

type UserQuery = NonNullable<operations['UsersController_list']['parameters']['query']>;

interface Filters {
  search: string;
  skuId: string;
  usageLocation: string;
  status: string;
  hold: string;
  orderBy: string;
}

const NONE: Filters = { search: '', skuId: '', usageLocation: '', status: '', hold: '', orderBy: 'userPrincipalName' };
const PAGE = 25;

/** The filters as GET /v1/users' query. */
function query({ search, skuId, usageLocation, status, hold, orderBy }: Filters): UserQuery {
  return {
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(skuId ? { skuId } : {}),
    ...(usageLocation ? { usageLocation } : {}),
    ...(status ? { status: status as UserQuery['status'] } : {}),
    ...(hold ? { hold: hold === 'true' } : {}),
    orderBy: orderBy as UserQuery['orderBy'],
  };
}

function check(f: Filters): Record<string, string> {
  const found: Record<string, string> = {};
  if (f.search.trim().length > 256) found.search = 'At most 256 characters.';
  if (f.usageLocation && !/^[A-Z]{2}$/.test(f.usageLocation))
    found.usageLocation = 'Two letters, ISO 3166-1 (e.g. GB).';
  return found;
}

/** Find a user: a UPN or name prefix, SKU, location, status and hold; ordered; keyset paging; or open one by UPN. */
export function UsersPage() {
  const [draft, setDraft] = useState<Filters>(NONE);
  const [applied, setApplied] = useState<Filters>(NONE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const [skus] = useLoad(() => ok(api.GET('/v1/subscribedSkus')), []);
  const [page] = useLoad(async () => {
    try {
      return await ok(api.GET('/v1/users', { params: { query: { ...query(applied), limit: PAGE, cursor } } }));
    } catch (e) {
      // The API's own word on a filter goes under that filter.
      if (e instanceof ApiProblem && e.code === 'ValidationFailed') setErrors(e.fields);
      throw e;
    }
  }, [applied, cursor]);
  const set = (key: keyof Filters) => (value: string) => setDraft({ ...draft, [key]: value });
  const skuOptions: Array<[string, string]> =
    skus.state === 'ready' ? skus.data.value.map((s) => [s.skuPartNumber, s.skuPartNumber]) : [];

  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <OpenByUpn />
      <form
        className="filters"
        role="search"
        aria-label="Find users"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const found = check(draft);
          setErrors(found);
          if (Object.keys(found).length) return;
          setApplied(draft);
          setCursors([]);
        }}
      >
        <Field
          label="Search"
          type="search"
          hint="start of the UPN or the name"
          value={draft.search}
          onChange={(e) => set('search')(e.target.value)}
          error={errors.search}
        />
        <Select label="SKU" value={draft.skuId} onChange={set('skuId')} options={[['', 'any'], ...skuOptions]} />
        <Field
          label="Location"
          value={draft.usageLocation}
          onChange={(e) => set('usageLocation')(e.target.value.toUpperCase())}
          error={errors.usageLocation}
          maxLength={2}
          size={4}
          placeholder="GB"
        />
        <Select
          label="Status"
          value={draft.status}
          onChange={set('status')}
          options={[
            ['', 'any'],
            ['active', 'active'],
            ['deleted', 'deleted'],
          ]}
        />
        <Select
          label="Legal hold"
          value={draft.hold}
          onChange={set('hold')}
          options={[
            ['', 'any'],
            ['true', 'held'],
            ['false', 'not held'],
          ]}
        />
        <Select
          label="Order by"
          value={draft.orderBy}
          onChange={set('orderBy')}
          options={[
            ['userPrincipalName', 'UPN'],
            ['displayName', 'name'],
            ['createdAt', 'creation'],
          ]}
        />
        <div className="actions">
          <button type="submit" className="primary">
            Find
          </button>
          <button
            type="button"
            onClick={() => {
              setDraft(NONE);
              setApplied(NONE);
              setErrors({});
              setCursors([]);
            }}
          >
            Clear
          </button>
        </div>
      </form>
      <Show loaded={page}>
        {({ items, nextCursor }) => (
          <>
            <div className="table-wrap">
              <table>
                <caption className="sr-only">Users found</caption>
                <thead>
                  <tr>
                    <th scope="col">User</th>
                    <th scope="col">Location</th>
                    <th scope="col">Status</th>
                    <th scope="col">Licenses</th>
                    <th scope="col">Mailbox</th>
                    <th scope="col">Hold</th>
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
                      <td>{user.hold ? 'held' : '—'}</td>
                    </tr>
                  ))}
                  {items.length === 0 && (
                    <tr>
                      <td colSpan={6} className="muted">
                        No users match.
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
            <Pager
              label="Result pages"
              cursors={cursors}
              setCursors={setCursors}
              nextCursor={nextCursor}
              back="Previous"
              forward="Next"
              showPage
            />
          </>
        )}
      </Show>
    </section>
  );
}

/** GET /v1/users/{UPN}: straight to the user holding that UPN now (deleted-but-not-purged included). */
function OpenByUpn() {
  const [upn, setUpn] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<unknown>(null);
  const open = async () => {
    setProblem(null);
    if (!/^[^\s@]+@[^\s@]+$/.test(upn.trim())) return setError('Enter a UPN, e.g. ada@contoso.com.');
    setError(undefined);
    try {
      const user = await ok(api.GET('/v1/users/{userId}', { params: { path: { userId: upn.trim() } } }));
      navigate(`/users/${user.userId}`);
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 404) setError(e.message);
      else setProblem(e);
    }
  };
  return (
    <form
      className="inline-form"
      aria-label="Open a user"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void open();
      }}
    >
      <Field
        label="Open by UPN"
        type="email"
        value={upn}
        onChange={(e) => setUpn(e.target.value)}
        error={error}
        placeholder="ada@contoso.com"
        autoComplete="off"
      />
      <button type="submit">Open</button>
      {problem !== null && <Problem error={problem} />}
    </form>
  );
}
