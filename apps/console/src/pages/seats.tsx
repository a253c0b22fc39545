import { api, ok } from '../api/client';
import { useSession } from '../auth/session';
import { may } from '../auth/roles';
import { useLoad, Show } from '../ui/async';
import { LineChart, SeatBar, type Point } from '../ui/charts';

const HISTORY_DAYS = 30;
const HISTORY_POINTS = 10;

/** Seats per SKU, and assigned seats over the last 30 days from point-in-time state. */
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
                <span className="legend"><span className="swatch assigned" /> assigned</span>
                <span className="legend"><span className="swatch available" /> available</span>
                <span className="legend"><span className="swatch over" /> over-assigned</span>
                <span className="legend"><span className="swatch expired" /> expired</span>
              </div>
              <ul className="cards">
                {items.map((sub) => (
                  <li key={sub.skuId} className={`card${sub.overAssigned ? ' warn' : ''}`}>
                    <h2>
                      {sub.name} <code>{sub.skuId}</code>
                    </h2>
                    <SeatBar sub={sub} />
                    <dl className="numbers">
                      <div><dt>valid</dt><dd>{sub.valid}</dd></div>
                      <div><dt>expired</dt><dd>{sub.expired}</dd></div>
                      <div><dt>assigned</dt><dd>{sub.assigned}</dd></div>
                      <div><dt>available</dt><dd>{sub.available}</dd></div>
                      {sub.overAssigned > 0 && <div className="over-text"><dt>over-assigned</dt><dd>{sub.overAssigned}</dd></div>}
                    </dl>
                    <p className="muted small">Plans: {sub.servicePlans.join(', ')}</p>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Show>
      <h2>Assigned seats, last {HISTORY_DAYS} days</h2>
      {identity && may(identity.roles, 'readState') ? <History /> : <p className="muted">The history comes from point-in-time state, which needs the auditor role.</p>}
    </section>
  );
}

function History() {
  const [history] = useLoad(async () => {
    const end = Date.now();
    const series: Record<string, Point[]> = {};
    for (let i = 0; i < HISTORY_POINTS; i++) {
      const at = new Date(end - ((HISTORY_POINTS - 1 - i) * HISTORY_DAYS * 86_400_000) / (HISTORY_POINTS - 1)).toISOString();
      const state = await ok(api.GET('/v1/audit/state', { params: { query: { at } } }));
      for (const sub of state.subscriptions) (series[sub.skuId] ??= []).push({ at, value: sub.assigned });
    }
    return series;
  }, []);
  return <Show loaded={history}>{(series) => <LineChart series={series} label="Assigned seats per SKU over time" />}</Show>;
}
