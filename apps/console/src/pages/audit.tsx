import { useState } from 'react';
import { api, download, ok, showFailure, type AuditEntry, type Schemas } from '../api/client';
import type { operations } from '../api/schema';
import { may } from '../auth/roles';
import { useSession } from '../auth/session';
import { Problem } from '../ui/async';
import { Field, Select } from '../ui/field';
import { when } from '../ui/format';

type AuditType = AuditEntry['type'];
type AuditQuery = NonNullable<operations['AuditController_events']['parameters']['query']>;
const TYPES: AuditType[] = [
  'SubscriptionAdded',
  'SeatsPurchased',
  'SeatsExpired',
  'SeatsRenewed',
  'UserCreated',
  'UserUpdated',
  'AliasAdded',
  'UserDeleted',
  'UserPurged',
  'LicenseAssigned',
  'LicenseUpdated',
  'LicenseRemoved',
  'MailboxProvisioned',
  'MailboxSoftDeleted',
  'MailboxRestored',
  'MailboxPurged',
  'AliasesReleased',
  'ContactsListDeleted',
  'ContactsListRestored',
];

interface Filters {
  userId: string;
  skuId: string;
  actor: string;
  type: string;
  from: string;
  to: string;
}

/** The filters as the API's query: datetime-local inputs are read as UTC, like every time the API shows. */
function query(f: Filters): AuditQuery {
  const q: AuditQuery = {};
  if (f.userId.trim()) q.userId = f.userId.trim();
  if (f.skuId.trim()) q.skuId = f.skuId.trim();
  if (f.actor.trim()) q.actor = f.actor.trim();
  if (f.type) q.type = [f.type as AuditType];
  if (f.from) q.from = `${f.from}:00Z`;
  if (f.to) q.to = `${f.to}:00Z`;
  return q;
}

/** Who changed what and when: filter, page, export (CSV, NDJSON), and the state at an instant. */
export function AuditPage() {
  const { identity } = useSession();
  const [filters, setFilters] = useState<Filters>({ userId: '', skuId: '', actor: '', type: '', from: '', to: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [page, setPage] = useState<{ items: AuditEntry[]; nextCursor: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Filters) => (value: string) => setFilters({ ...filters, [key]: value });

  const search = async (cursor?: string) => {
    const found: Record<string, string> = {};
    if (filters.from && filters.to && filters.from > filters.to) found.to = '"To" must be after "from".';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      // The operation also streams CSV / NDJSON; asked for JSON, it answers a page.
      const next = (await ok(
        api.GET('/v1/audit/events', {
          params: { query: { ...query(filters), limit: 50, ...(cursor ? { cursor } : {}) } },
        }),
      )) as Schemas['AuditPageDoc'];
      setPage(cursor && page ? { items: [...page.items, ...next.items], nextCursor: next.nextCursor } : next);
    } catch (e) {
      showFailure(e, setErrors, setError);
    } finally {
      setBusy(false);
    }
  };
  const exportAs = async (accept: string, ext: string) => {
    setError(null);
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query(filters))) for (const one of [v].flat()) params.append(k, String(one));
    try {
      await download(`/v1/audit/events?${params}`, accept, `audit.${ext}`);
    } catch (e) {
      showFailure(e, setErrors, setError);
    }
  };

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit</h1>
      <form
        className="filters"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <Field
          label="User id"
          value={filters.userId}
          onChange={(e) => set('userId')(e.target.value)}
          error={errors.userId}
        />
        <Field label="SKU" value={filters.skuId} onChange={(e) => set('skuId')(e.target.value)} error={errors.skuId} />
        <Field
          label="Actor"
          value={filters.actor}
          onChange={(e) => set('actor')(e.target.value)}
          error={errors.actor}
        />
        <Select
          label="Type"
          value={filters.type}
          onChange={set('type')}
          options={[['', 'any'], ...TYPES.map((t): [string, string] => [t, t])]}
        />
        <Field
          label="From (UTC)"
          type="datetime-local"
          value={filters.from}
          onChange={(e) => set('from')(e.target.value)}
          error={errors.from}
        />
        <Field
          label="To (UTC)"
          type="datetime-local"
          value={filters.to}
          onChange={(e) => set('to')(e.target.value)}
          error={errors.to}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Search
          </button>
          <button type="button" onClick={() => void exportAs('text/csv', 'csv')}>
            Export CSV
          </button>
          <button type="button" onClick={() => void exportAs('application/x-ndjson', 'ndjson')}>
            Export NDJSON
          </button>
        </div>
      </form>
      {error !== null && <Problem error={error} />}
      {busy && <p role="status">Loading…</p>}
      {page && (
        <>
          <div className="table-wrap">
            <table>
              <caption>{page.items.length} event(s)</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Type</th>
                  <th scope="col">Actor</th>
                  <th scope="col">User</th>
                  <th scope="col">SKU</th>
                  <th scope="col">Data</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((e) => (
                  <tr key={e.eventId}>
                    <td>{when(e.occurredAt)}</td>
                    <td>{e.type}</td>
                    <td>{e.actor.name ?? e.actor.id}</td>
                    <td className="small">{e.userId ?? '—'}</td>
                    <td>{e.skuId ?? '—'}</td>
                    <td className="small data">{JSON.stringify(e.data)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page.nextCursor && (
            <button type="button" onClick={() => void search(page.nextCursor ?? undefined)} disabled={busy}>
              More
            </button>
          )}
        </>
      )}
      {identity && may(identity.roles, 'readState') && <StateAt />}
    </section>
  );
}

/** Subscriptions and assignments as they were at a chosen instant (point-in-time replay). */
function StateAt() {
  const [at, setAt] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<Schemas['AuditStateDoc'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!at) return setErrors({ at: 'Choose an instant.' });
    setErrors({});
    setError(null);
    try {
      setState(await ok(api.GET('/v1/audit/state', { params: { query: { at: `${at}:00Z` } } })));
    } catch (e) {
      showFailure(e, setErrors, setError);
    }
  };
  return (
    <section aria-labelledby="state-title" className="panel">
      <h2 id="state-title">State at an instant</h2>
      <form
        className="inline-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Field
          label="At (UTC)"
          type="datetime-local"
          value={at}
          onChange={(e) => setAt(e.target.value)}
          error={errors.at}
        />
        <button type="submit">Show state</button>
      </form>
      {error !== null && <Problem error={error} />}
      {state && (
        <div className="table-wrap">
          <table>
            <caption>Seats at {when(state.at)}</caption>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col">Valid</th>
                <th scope="col">Assigned</th>
                <th scope="col">Available</th>
              </tr>
            </thead>
            <tbody>
              {state.subscriptions.map((s) => (
                <tr key={s.skuId}>
                  <td>{s.skuId}</td>
                  <td>{s.valid}</td>
                  <td>{s.assigned}</td>
                  <td>{s.available}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small">{state.assignments.length} assignment(s) at that instant.</p>
        </div>
      )}
    </section>
  );
}
