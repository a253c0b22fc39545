import { useState } from 'react';
import { api, ok } from '../api/client';
import { Show, useLoad } from '../ui/async';
import { when } from '../ui/format';
import { Pager } from '../ui/pager';

const PAGE = 20;

/** The alerts raised, newest first, a page at a time; `round` changes when a new one may have been raised. */
export function RaisedAlerts({ round }: { round: number }) {
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const [page] = useLoad(
    () => ok(api.GET('/v1/alerts', { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })),
    [cursor, round],
  );
  return (
    <section aria-labelledby="raised-title" className="panel">
      <h2 id="raised-title">Raised alerts</h2>
      <Show loaded={page}>
        {({ items, nextCursor }) => (
          <>
            <div className="table-wrap">
              <table>
                <caption className="sr-only">Alerts, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Raised</th>
                    <th scope="col">Type</th>
                    <th scope="col">What</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((alert) => (
                    <tr key={alert.alertId}>
                      <td>{when(alert.raisedAt)}</td>
                      <td>{alert.type}</td>
                      <td className="small data">
                        {Object.entries(alert.data)
                          .map(([k, v]) => `${k}: ${String(v)}`)
                          .join(' · ')}
                      </td>
                    </tr>
                  ))}
                  {items.length === 0 && (
                    <tr>
                      <td colSpan={3} className="muted">
                        No alert raised yet.
                      </td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
            <Pager
              label="Alert pages"
              cursors={cursors}
              setCursors={setCursors}
              nextCursor={nextCursor}
              back="Newer"
              forward="Older"
            />
          </>
        )}
      </Show>
    </section>
  );
}
