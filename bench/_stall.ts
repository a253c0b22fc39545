import { SnapshotStore, LedgerStore } from '@app/application';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance, monitorEventLoopDelay } from 'node:perf_hooks';
import { userIdOf, writeHistory } from './support/history';
import { createUser, openBenchLedger } from './support/ledger';
import { probeArgs } from './support/probe';

function timeMethod(proto: any, name: string, label: string) {
  const original = proto[name];
  proto[name] = function (...args: unknown[]) {
    const t = performance.now();
    const r = original.apply(this, args);
    const done = () => { const ms = performance.now() - t; if (ms > 5) console.log(`${label} ${ms.toFixed(1)} ms`); };
    if (r && typeof r.then === 'function') return r.finally(done);
    done();
    return r;
  };
}

async function main() {
  const { events, commands } = probeArgs();
  const dir = mkdtempSync(join(tmpdir(), 'ledger-stall-'));
  let t = performance.now();
  await writeHistory(join(dir, 'events.sqlite'), 'bench', Number(events));
  console.log(`history ${(performance.now() - t).toFixed(0)} ms`);
  timeMethod(SnapshotStore.prototype, 'save', 'snapshot.save');
  timeMethod(SnapshotStore.prototype, 'load', 'snapshot.load');
  timeMethod(LedgerStore.prototype, 'load', 'ledger.load');
  t = performance.now();
  const ledger = await openBenchLedger(dir);
  console.log(`open+catchUp ${(performance.now() - t).toFixed(0)} ms rss ${(process.memoryUsage().rss/1e6).toFixed(0)}`);
  t = performance.now();
  await ledger.send({ type: 'UpdateUser', data: { userId: userIdOf(1), displayName: 'warm' } });
  console.log(`first command ${(performance.now() - t).toFixed(0)} ms rss ${(process.memoryUsage().rss/1e6).toFixed(0)}`);
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const slow: string[] = [];
  for (let i = 0; i < Number(commands); i++) {
    const s = performance.now();
    await ledger.send(createUser());
    const ms = performance.now() - s;
    if (ms > 20) slow.push(`#${i} ${ms.toFixed(1)}`);
  }
  h.disable();
  console.log(`slow>20ms: ${slow.join(', ')}`);
  console.log(`loop delay max ${(h.max / 1e6).toFixed(1)} ms p99 ${(h.percentile(99) / 1e6).toFixed(1)}`);
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
}
void main();
