import type { SubscriptionView } from '../api/client';

/** One SKU's seats: assigned and available within the valid seats, over-assignment past them in red, expired beside. */
export function SeatBar({ sub }: { sub: SubscriptionView }) {
  const total = Math.max(sub.valid, sub.assigned) + sub.expired || 1;
  const pct = (n: number) => `${(100 * n) / total}%`;
  const inValid = Math.min(sub.assigned, sub.valid);
  return (
    <div
      className="seatbar"
      role="img"
      aria-label={`${sub.skuId}: ${sub.assigned} assigned of ${sub.valid} valid, ${sub.available} available, ${sub.expired} expired${sub.overAssigned ? `, ${sub.overAssigned} over-assigned` : ''}`}
    >
      <span className="seg assigned" style={{ width: pct(inValid) }} />
      <span className="seg available" style={{ width: pct(sub.available) }} />
      <span className="seg over" style={{ width: pct(sub.overAssigned) }} />
      <span className="seg expired" style={{ width: pct(sub.expired) }} />
    </div>
  );
}

export interface Point {
  at: string;
  value: number;
}

/** A small step chart (SVG, no library): one series per SKU. */
export function LineChart({ series, label }: { series: Record<string, Point[]>; label: string }) {
  const width = 560;
  const height = 160;
  const pad = 28;
  const all = Object.values(series).flat();
  if (all.length === 0) return <p className="muted">No data yet.</p>;
  const times = all.map((p) => new Date(p.at).getTime());
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const max = Math.max(1, ...all.map((p) => p.value));
  const x = (at: string) => pad + ((new Date(at).getTime() - t0) / (t1 - t0 || 1)) * (width - 2 * pad);
  const y = (v: number) => height - pad - (v / max) * (height - 2 * pad);
  const colors = ['#2563eb', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#be123c'];
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <line x1={pad} y1={height - pad} x2={width - pad} y2={height - pad} className="axis" />
        <line x1={pad} y1={pad} x2={pad} y2={height - pad} className="axis" />
        <text x={4} y={pad + 4} className="tick">
          {max}
        </text>
        <text x={4} y={height - pad} className="tick">
          0
        </text>
        <text x={pad} y={height - 8} className="tick">
          {new Date(t0).toISOString().slice(0, 10)}
        </text>
        <text x={width - pad} y={height - 8} className="tick" textAnchor="end">
          {new Date(t1).toISOString().slice(0, 10)}
        </text>
        {Object.entries(series).map(([name, points], i) => (
          <polyline
            key={name}
            fill="none"
            stroke={colors[i % colors.length]}
            strokeWidth={2}
            points={steps(points, x, y, width - pad)}
          />
        ))}
      </svg>
      <figcaption>
        {Object.keys(series).map((name, i) => (
          <span key={name} className="legend">
            <span className="swatch" style={{ background: colors[i % colors.length] }} /> {name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** A step line: each value holds until the next change, and the last one until the right edge. */
function steps(points: Point[], x: (at: string) => number, y: (v: number) => number, right: number): string {
  const out: string[] = [];
  points.forEach((p, i) => {
    if (i > 0) out.push(`${x(p.at)},${y(points[i - 1].value)}`);
    out.push(`${x(p.at)},${y(p.value)}`);
  });
  const last = points.at(-1);
  if (last) out.push(`${right},${y(last.value)}`);
  return out.join(' ');
}
