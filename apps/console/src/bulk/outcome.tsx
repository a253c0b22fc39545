import type { Schemas } from '../api/client';
import { when } from '../ui/format';

export type LicensesResult = Schemas['BulkResultDoc'];
export type DeleteResult = Schemas['BulkDeleteResultDoc'];
type Failure = Schemas['RuleFailureDoc'];

/** Every user's outcome of a bulk call or its dry run; a refused dry run (ok: false) names each user's failures. */
export function Outcome({
  result,
  names,
}: {
  result: { kind: 'licenses'; body: LicensesResult } | { kind: 'delete'; body: DeleteResult };
  names: Map<string, string>;
}) {
  const { dryRun, applied, ok } = result.body;
  const caption = applied
    ? 'Applied'
    : !dryRun
      ? 'Nothing to apply'
      : ok
        ? 'Dry run: nothing applied yet'
        : 'Dry run: the ledger would refuse this, nothing applied';
  const rows =
    result.kind === 'licenses'
      ? result.body.users.map((u) => ({
          userId: u.userId,
          change: [...u.added.map((s) => `+${s}`), ...u.removed.map((s) => `−${s}`)].join(', ') || '—',
          mailbox: u.mailboxEntersGracePeriod ? 'enters its grace period' : 'unchanged',
          warn: u.mailboxEntersGracePeriod,
          failures: u.failures ?? [],
        }))
      : result.body.users.map((u) => ({
          userId: u.userId,
          change: `${applied ? 'deleted, freed' : 'to be deleted, frees'} ${u.licenses?.map((l) => l.skuId).join(', ') || 'no license'}`,
          mailbox: u.mailbox
            ? `${u.mailbox.status}${u.mailbox.purgeAfter ? `, purge after ${when(u.mailbox.purgeAfter)}` : ''}`
            : '—',
          warn: true,
          failures: u.failures ?? [],
        }));
  const general = result.kind === 'licenses' ? (result.body.failures ?? []) : [];
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Change</th>
            <th scope="col">Mailbox</th>
            <th scope="col">Refused because</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.userId} className={row.failures.length ? 'error' : row.warn ? 'warn' : undefined}>
              <td>{names.get(row.userId) ?? row.userId}</td>
              <td>{row.change}</td>
              <td>{row.mailbox}</td>
              <td>{row.failures.length ? <Failures failures={row.failures} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.kind === 'licenses' && (
        <p className="small">
          Seats:{' '}
          {result.body.seats.map((s) => `${s.skuId} needs ${s.needed}, ${s.available} available`).join('; ') ||
            'none needed'}
        </p>
      )}
      {general.length > 0 && <Failures failures={general} />}
    </div>
  );
}

function Failures({ failures }: { failures: Failure[] }) {
  return (
    <ul className="failures">
      {failures.map((f) => (
        <li key={f.error + f.message}>
          {f.message} <span className="muted">({f.error})</span>
        </li>
      ))}
    </ul>
  );
}
