/**
 * HTTP throughput with autocannon over `connections` connections for `seconds`, on one tenant of 2,000
 * licensed users. `--target=commands`: POST /v1/users/{id}/assignLicense, each request a real change
 * (the disabled plans flip on a user per round); `subscriptions`: GET /v1/subscriptions; `bare`: the same
 * body from a bare NestJS app (bench/servers/bare-nest.ts); `bare-commands`: the commands' requests to that app,
 * answered with the body of a command's answer. Logging as the API has it (LOG_LEVEL=info).
 * `--fastify=<folder>` (bench/support/fastify.ts) runs the bare app on Fastify instead of Express.
 * Also reports the server's CPU time per request (user + system, from /proc), which a busy machine disturbs less than the rate.
 * `--profile=<file>`: writes a CPU profile of the server process over the timed window (open it in Chrome DevTools).
 */
import { TokenService } from '@app/application';
import autocannon from 'autocannon';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from '../../test/support/api-process';
import { userIdOf, writeHistory } from '../support/history';
import { probeArgs, report } from '../support/probe';

const USERS = 2_000;
const SECRET = 'bench-secret-0123456789abcdef0123';

async function main(): Promise<void> {
  const { target, connections, seconds, profile, fastify } = probeArgs();
  const bare = target === 'bare' || target === 'bare-commands';
  const commands = target === 'commands' || target === 'bare-commands';
  const profiled: Record<string, string> = profile
    ? { NODE_OPTIONS: `--require ${join(__dirname, '../support/cpu-profile-hook.js')}`, BENCH_CPU_PROFILE: profile }
    : {};
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-http-'));
  await writeHistory(join(dir, 'events.sqlite'), 'bench', 1 + 3 * USERS, { users: USERS });
  const token = TokenService.fromSecret(SECRET, 'bench').sign({
    actorId: 'bench',
    roles: ['user-admin'],
    tenantId: 'bench',
    ttlSeconds: 3600,
  });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let server: ApiProcess = await startApiProcess({
    LEDGER_DATA_DIR: dir,
    LEDGER_JWT_SECRET: SECRET,
    LOG_LEVEL: 'info',
    ...(bare ? {} : profiled),
  });
  // Waits for the read models to hold the history.
  const subscriptions = await fetch(`${server.url}/v1/subscriptions`, {
    headers: { ...headers, 'x-ledger-min-position': String(1 + 3 * USERS) },
  });
  if (!subscriptions.ok)
    throw new Error(`GET /v1/subscriptions: ${subscriptions.status} ${await subscriptions.text()}`);
  let body = await subscriptions.text();
  if (commands) {
    // A cold command path (JIT, the tenant's first fold) is not what is measured; the first timed request to the last user is then a no-op.
    const warm = await fetch(`${server.url}/v1/users/${userIdOf(USERS)}/assignLicense`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ addLicenses: [{ skuId: 'E3', disabledPlans: ['OFFICE'] }], removeLicenses: [] }),
    });
    if (!warm.ok) throw new Error(`warm-up command: ${warm.status} ${await warm.text()}`);
    body = await warm.text();
  }
  if (bare) {
    await server.kill();
    writeFileSync(join(dir, 'body.json'), body);
    server = await startApiProcess(
      {
        BENCH_BODY_FILE: join(dir, 'body.json'),
        LOG_LEVEL: 'info',
        // The adapter, installed outside the project, finds the project's Nest through NODE_PATH.
        ...(fastify ? { BENCH_FASTIFY_MODULES: fastify, NODE_PATH: join(__dirname, '../../node_modules') } : {}),
        ...profiled,
      },
      'bench/servers/bare-nest.ts',
    );
  }
  let sent = 0;
  const request: autocannon.Request = commands
    ? {
        method: 'POST',
        setupRequest: (req) => {
          const n = sent++;
          const disabledPlans = Math.floor(n / USERS) % 2 === 0 ? ['OFFICE'] : [];
          return {
            ...req,
            path: `/v1/users/${userIdOf(1 + (n % USERS))}/assignLicense`,
            body: JSON.stringify({ addLicenses: [{ skuId: 'E3', disabledPlans }], removeLicenses: [] }),
          };
        },
      }
    : { method: 'GET', path: '/v1/subscriptions' };
  if (profile) server.process.kill('SIGWINCH');
  const cpuBefore = cpuMs(server.pid);
  const result = await autocannon({
    url: server.url,
    connections: Number(connections),
    duration: Number(seconds),
    headers,
    requests: [request],
  });
  const cpuUsed = cpuMs(server.pid) - cpuBefore;
  if (profile) {
    server.process.kill('SIGWINCH');
    while (!existsSync(profile)) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await server.kill();
  rmSync(dir, { recursive: true, force: true });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${result.non2xx} answers not 2xx, ${result.errors} errors`);
  report({ perSecond: result.requests.average, cpuUsPerRequest: (cpuUsed * 1000) / result.requests.total });
}

/** User + system CPU time a process has used, in ms (/proc/<pid>/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

void main();
