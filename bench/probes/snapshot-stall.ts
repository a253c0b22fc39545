/**
 * The longest event-loop stall around a tenant's first commands with `events` events of history: once with no snapshot
 * (the replay and the first full snapshot save), then in a new command path with that snapshot present.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { userIdOf, writeHistory } from '../support/history';
import { createUser, openBenchLedger } from '../support/ledger';
import { probeArgs, report } from '../support/probe';

/**
 * Two commands on a freshly opened command path (the second waits for any snapshot save the first started): the
 * longest gap between two turns of a setImmediate heartbeat, and the maximum of monitorEventLoopDelay, in ms.
 */
async function longestStalls(dir: string): Promise<[number, number]> {
  const ledger = await openBenchLedger(dir);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let longestTurn = 0;
  let last = performance.now();
  let running = true;
  const beat = () => {
    const now = performance.now();
    longestTurn = Math.max(longestTurn, now - last);
    last = now;
    if (running) setImmediate(beat);
  };
  delay.enable();
  setImmediate(beat);
  await ledger.send({ type: 'UpdateUser', data: { userId: userIdOf(1), displayName: 'probe' } });
  await ledger.send(createUser());
  running = false;
  delay.disable();
  // Read before close: the heartbeat's last turn may come after it, and close's own work is no command's.
  const stalls: [number, number] = [longestTurn, delay.max / 1e6];
  await ledger.close();
  return stalls;
}

async function main(): Promise<void> {
  const { events } = probeArgs();
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-snapshot-stall-'));
  await writeHistory(join(dir, 'events.sqlite'), 'bench', Number(events));
  const started = performance.now();
  const [noSnapshotTurnMs, noSnapshotDelayMs] = await longestStalls(dir);
  const firstCommandsMs = performance.now() - started;
  const [snapshotTurnMs, snapshotDelayMs] = await longestStalls(dir);
  report({ noSnapshotTurnMs, noSnapshotDelayMs, snapshotTurnMs, snapshotDelayMs, firstCommandsMs });
  rmSync(dir, { recursive: true, force: true });
}

void main();
