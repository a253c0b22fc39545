/** Commands through the command handler (decide, append, read-model wait) in one process, with `callers` concurrent callers: one-event CreateUser commands on one tenant. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createUser, openBenchLedger } from '../support/ledger';
import { probeArgs, report } from '../support/probe';

async function main(): Promise<void> {
  const { callers, seconds } = probeArgs();
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-inproc-'));
  const ledger = await openBenchLedger(dir);
  await ledger.send({
    type: 'AddSubscription',
    data: { skuId: 'E3', name: 'E3', servicePlans: ['EXCHANGE', 'OFFICE'], seats: 1_000_000 },
  });
  const deadline = performance.now() + Number(seconds) * 1000;
  const started = performance.now();
  let done = 0;
  const caller = async () => {
    while (performance.now() < deadline) {
      await ledger.send(createUser());
      done++;
    }
  };
  await Promise.all(Array.from({ length: Number(callers) }, caller));
  report({ perSecond: done / ((performance.now() - started) / 1000) });
  await ledger.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();
