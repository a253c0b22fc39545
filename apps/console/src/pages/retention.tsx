import { useState } from 'react';
import { api, ok } from '../api/client';
import { Show, useLoad } from '../ui/async';
import { daysUntil, when } from '../ui/format';
import { Link } from '../ui/router';

/** Mailboxes in their grace period, soonest purge first, with the days left. */
export function RetentionPage() {
  const [cursor, setCursor] = useState<string | undefined>();
  const [page] = useLoad(
    () =>
      ok(
        api.GET('/v1/retention/mailboxes', {
          params: { query: { status: 'softDeleted', limit: 100, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [cursor],
  );
  return (
    <section aria-labelledby="retention-title">
      <h1 id="retention-title">Retention</h1>
      <p className="muted">
        Mailboxes in their 30-day grace period, ordered by purge date; a held one is not purged. Open one for the user's
        timeline.
      </p>
      <Show loaded={page}>
        {({ items, nextCursor }) => {
          const sorted = [...items].sort((a, b) => (a.purgeAfter ?? '').localeCompare(b.purgeAfter ?? ''));
          return (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Mailbox</th>
                      <th scope="col">Soft-deleted</th>
                      <th scope="col">Purge after</th>
                      <th scope="col">Days left</th>
                      <th scope="col">Hold</th>
                    </tr>
                  </thead>
                  <tbody>
                    {sorted.map((m) => {
                      const left = m.purgeAfter ? daysUntil(m.purgeAfter) : null;
                      return (
                        <tr key={m.userId} className={left !== null && left <= 7 ? 'warn' : undefined}>
                          <td>
                            <Link to={`/retention/${m.userId}`}>{m.userPrincipalName}</Link>
                          </td>
                          <td>{when(m.softDeletedAt)}</td>
                          <td>{when(m.purgeAfter)}</td>
                          <td>{left === null ? '—' : left <= 0 ? 'due' : left}</td>
                          <td>{m.hold ? 'held: not purged' : '—'}</td>
                        </tr>
                      );
                    })}
                    {sorted.length === 0 && (
                      <tr>
                        <td colSpan={5} className="muted">
                          No mailbox is in its grace period.
                        </td>
                      </tr>
                    )}
                  </tbody>
                </table>
              </div>
              {nextCursor && (
                <button type="button" onClick={() => setCursor(nextCursor)}>
                  Next page
                </button>
              )}
            </>
          );
        }}
      </Show>
    </section>
  );
}

/** A user's retention timeline: what happened, and the purges still scheduled. */
export function TimelinePage({ userId }: { userId: string }) {
  const [timeline] = useLoad(
    () => ok(api.GET('/v1/retention/users/{userId}/timeline', { params: { path: { userId } } })),
    [userId],
  );
  return (
    <section aria-labelledby="timeline-title">
      <p>
        <Link to="/retention">← Retention</Link>
      </p>
      <h1 id="timeline-title">Retention timeline</h1>
      <p className="muted">
        User <code>{userId}</code> · <Link to={`/users/${userId}`}>the user's page</Link>
      </p>
      <Show loaded={timeline}>
        {({ entries, scheduled }) => (
          <>
            <h2>Scheduled</h2>
            {scheduled.length === 0 ? (
              <p className="muted">Nothing scheduled.</p>
            ) : (
              <ul className="scheduled">
                {scheduled.map((s) => (
                  <li key={s.at + s.action}>
                    <strong>{s.action === 'purgeMailbox' ? 'Mailbox purge' : 'User purge'}</strong> at {when(s.at)} (
                    {daysUntil(s.at)} days left)
                  </li>
                ))}
              </ul>
            )}
            <h2>What happened</h2>
            <ol className="timeline">
              {entries.map((entry, i) => (
                <li key={i}>
                  <time dateTime={entry.at}>{when(entry.at)}</time> <strong>{entry.type}</strong>{' '}
                  <span className="muted">by {entry.actor.name ?? entry.actor.id}</span>
                  {Object.keys(entry.details).length > 0 && <div className="small muted">{summary(entry.details)}</div>}
                </li>
              ))}
            </ol>
          </>
        )}
      </Show>
    </section>
  );
}

function summary(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(
      ([k, v]) =>
        `${k}: ${Array.isArray(v) ? v.join(', ') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`,
    )
    .join(' · ');
}
