import { api, ok, type AuditEntry, type Schemas, type SubscriptionView } from '../api/client';
import { useSession } from '../auth/session';
import { may } from '../auth/roles';
import { useLoad, Show } from '../ui/async';
import { LineChart, SeatBar, type Point } from '../ui/charts';
import { when } from '../ui/format';

/** SL1 in words: what each lifecycle state means for the people holding its seats. */
const STATUS: Record<SubscriptionView['status'], string> = {
  enabled: 'enabled',
  warning: 'warning: past its term, no new assignments',
  suspended: 'suspended: services disabled',
  deleted: 'deleted: licenses removed',
};

/** Seats per SKU with the subscription's lifecycle state and term, and assigned seats over time from the audit log. */
export function SeatsPage() {
  const { identity } = useSession();
  const [subs] = useLoad(() => ok(api.GET('/v1/subscriptions')), []);
  return (
    <section aria-labelledby="seats-title">
      <h1 id="seats-title">Seats</h1>
      <Show loaded={subs}>
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">No subscriptions yet.</p>
          ) : (
            <>
              <div className="legend-row" aria-hidden="true">
                <span className="legend">
                  <span className="swatch assigned" /> assigned
                </span>
                <span className="legend">
                  <span className="swatch available" /> available
                </span>
                <span className="legend">
                  <span className="swatch over" /> over-assigned
                </span>
                <span className="legend">
                  <span className="swatch expired" /> expired
                </span>
              </div>
              <ul className="cards">
                {items.map((sub) => (
                  <li key={sub.skuId} className={`card${sub.overAssigned ? ' warn' : ''}`}>
                    <h2>
                      {sub.name} <code>{sub.skuId}</code>
                      {sub.trial && <span className="badge">trial</span>}
                    </h2>
                    <p className="small">
                      <span className={`status ${sub.status}`}>{STATUS[sub.status]}</span>
                      {sub.overAssigned > 0 && (
                        <strong className="over-text"> · over-assigned by {sub.overAssigned}</strong>
                      )}
                    </p>
                    <SeatBar sub={sub} />
                    <dl className="numbers">
                      <div>
                        <dt>valid</dt>
                        <dd>{sub.valid}</dd>
                      </div>
                      <div>
                        <dt>expired</dt>
                        <dd>{sub.expired}</dd>
                      </div>
                      <div>
                        <dt>assigned</dt>
                        <dd>{sub.assigned}</dd>
                      </div>
                      <div>
                        <dt>available</dt>
                        <dd>{sub.available}</dd>
                      </div>
                      {sub.overAssigned > 0 && (
                        <div className="over-text">
                          <dt>over-assigned</dt>
                          <dd>{sub.overAssigned}</dd>
                        </div>
                      )}
                    </dl>
                    <dl className="numbers small">
                      <div>
                        <dt>term ends</dt>
                        <dd>{sub.termEndsAt ? when(sub.termEndsAt) : 'no term'}</dd>
                      </div>
                      {sub.nextTransitionAt && (
                        <div>
                          <dt>next step</dt>
                          <dd>{when(sub.nextTransitionAt)}</dd>
                        </div>
                      )}
                    </dl>
                    <p className="muted small">Plans: {sub.servicePlans.join(', ')}</p>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Show>
      <h2>Assigned seats over time</h2>
      {identity && may(identity.roles, 'readAudit') ? (
        <History />
      ) : (
        <p className="muted">The history comes from the audit log, which needs the auditor role.</p>
      )}
    </section>
  );
}

/** Assigned seats per SKU after each license event of the audit log (at most 20 pages of 1,000). */
function History() {
  const [history] = useLoad(async () => {
    const series: Record<string, Point[]> = {};
    const count: Record<string, number> = {};
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const query = {
        type: ['LicenseAssigned', 'LicenseRemoved'] as AuditEntry['type'][],
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      };
      const { items, nextCursor } = (await ok(
        api.GET('/v1/audit/events', { params: { query } }),
      )) as Schemas['AuditPageDoc'];
      for (const entry of items) {
        if (!entry.skuId) continue;
        count[entry.skuId] = (count[entry.skuId] ?? 0) + (entry.type === 'LicenseAssigned' ? 1 : -1);
        (series[entry.skuId] ??= []).push({ at: entry.occurredAt, value: count[entry.skuId] });
      }
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    return series;
  }, []);
  return (
    <Show loaded={history}>
      {(series) => <LineChart series={series} label="Assigned seats per SKU after each license change" />}
    </Show>
  );
}
