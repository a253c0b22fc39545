import { useState } from 'react';
import { api, ok } from '../api/client';
import { Show, useLoad } from '../ui/async';
import { Pager } from '../ui/pager';

const PAGE = 20;

/** One webhook's deliveries, newest first: status, attempts (by any node), why the last attempt failed. */
export function Deliveries({ webhookId }: { webhookId: string }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const [page, reload] = useLoad(
    () =>
      ok(
        api.GET('/v1/webhooks/{webhookId}/deliveries', {
          params: { path: { webhookId }, query: { limit: PAGE, ...(cursor ? { cursor } : {}) } },
        }),
      ),
    [webhookId, cursor],
  );
  return (
    <Show loaded={page}>
      {({ items, nextCursor }) => (
        <div className="table-wrap">
          <table>
            <caption>
              Deliveries{' '}
              <button type="button" onClick={reload}>
                Refresh
              </button>
            </caption>
            <thead>
              <tr>
                <th scope="col">Alert</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.alertId} className={d.status === 'failing' ? 'error' : undefined}>
                  <td>
                    {d.type} <span className="muted small">{d.alertId.slice(0, 8)}</span>
                  </td>
                  <td>{d.status}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastError ?? '—'}</td>
                </tr>
              ))}
              {items.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    Nothing sent yet.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          {(cursors.length > 0 || nextCursor) && (
            <Pager
              label="Delivery pages"
              cursors={cursors}
              setCursors={setCursors}
              nextCursor={nextCursor}
              back="Newer"
              forward="Older"
            />
          )}
        </div>
      )}
    </Show>
  );
}
