/**
 * Peak RSS of the API while it streams every audit entry of `dir`'s tenant as CSV (GET /v1/audit/events,
 * Accept: text/csv), beside its resident set just before. `dir` holds a history whose read models are built.
 */
import { TokenService } from '@app/application';
import { readFileSync } from 'node:fs';
import { startApiProcess } from '../../test/support/api-process';
import { probeArgs, report } from '../support/probe';

const SECRET = 'bench-secret-0123456789abcdef0123';

/** A line of /proc/<pid>/status in MB: VmRSS (now) or VmHWM (peak). */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.split(/\s+/)[1]) / 1024;
}

async function main(): Promise<void> {
  const { dir } = probeArgs();
  const api = await startApiProcess({ LEDGER_DATA_DIR: dir, LEDGER_JWT_SECRET: SECRET });
  const token = TokenService.fromSecret(SECRET, 'bench').sign({
    actorId: 'bench',
    roles: ['auditor'],
    tenantId: 'bench',
    ttlSeconds: 3600,
  });
  const idleRssMb = statusMb(api.pid, 'VmRSS');
  const response = await fetch(`${api.url}/v1/audit/events`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/csv' },
  });
  if (!response.ok || !response.body) throw new Error(`export: ${response.status} ${await response.text()}`);
  let rows = -1; // the header row
  for await (const chunk of response.body) for (const byte of chunk as Uint8Array) if (byte === 10) rows++;
  const peakRssMb = statusMb(api.pid, 'VmHWM');
  await api.kill();
  report({ peakRssMb, idleRssMb, rows });
}

void main();
