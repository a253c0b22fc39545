import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../../support/api-process';
import { EsdbTarget } from './esdb-target';

export interface ApiNodes {
  nodes: ApiProcess[];
  /** Kills every node and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * `count` API processes on one EventStoreDB, each with a data folder of its own (read models, checkpoints,
 * snapshots), as separate machines would have: they share only the store and what `env` gives them all.
 */
export async function startApiNodes(target: EsdbTarget, count: number, env: Record<string, string>): Promise<ApiNodes> {
  const dataDirs = Array.from({ length: count }, () => mkdtempSync(join(tmpdir(), 'ledger-esdb-node-')));
  const started = await Promise.allSettled(
    dataDirs.map((dir) => startApiProcess({ ...target.env, ...env, LEDGER_DATA_DIR: dir })),
  );
  const nodes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = async () => {
    await Promise.all(nodes.map((node) => node.kill()));
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  };
  const failed = started.find((result) => result.status === 'rejected');
  // One node that did not start leaves none running behind it.
  if (failed) return stop().then(() => Promise.reject(failed.reason as Error));
  return { nodes, stop };
}
