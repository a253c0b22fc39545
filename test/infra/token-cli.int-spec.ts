import * as fs from 'node:fs';
import * as path from 'node:path';
import { TokenService, JWT_SECRET_FILE } from '@app/application';
import { CliRun, runProcess } from '../cli/cli-process';
import { tempDataDir } from './support/infra-app';

/** `npm run -s cli -- <args>`, exactly as documented in API.md. */
function cli(args: string[], env: Record<string, string>): Promise<CliRun> {
  return runProcess(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'cli', '--', ...args], env);
}

describe('npm run cli -- token', () => {
  it('prints a token the API verifies, signed with LEDGER_JWT_SECRET or the generated secret', async () => {
    const withEnvSecret = tempDataDir();
    const generated = path.join(tempDataDir(), 'data');
    const [fromEnv, fromFile, usageError, unknown, help] = await Promise.all([
      cli(
        [
          'token',
          '--role',
          'user-admin',
          '--role',
          'auditor',
          '--actor',
          'alice',
          '--name',
          'Alice Doe',
          '--tenant',
          't1',
          '--ttl',
          '2h',
        ],
        {
          LEDGER_DATA_DIR: withEnvSecret,
          LEDGER_JWT_SECRET: 'cli-secret',
        },
      ),
      cli(['token', '--role', 'global-admin', '--actor', 'root'], {
        LEDGER_DATA_DIR: generated,
        LEDGER_DEFAULT_TENANT: 'contoso',
      }),
      cli(['token', '--role', 'superuser', '--actor', 'eve'], { LEDGER_DATA_DIR: tempDataDir() }),
      cli(['frobnicate'], { LEDGER_DATA_DIR: tempDataDir() }),
      cli(['--help'], {}),
    ]);

    expect(fromEnv).toMatchObject({ code: 0, stderr: '' });
    const now = Math.floor(Date.now() / 1000);
    const actor = await TokenService.fromSecret('cli-secret', 'default').verify(fromEnv.stdout.trim());
    expect(actor).toEqual({ id: 'alice', name: 'Alice Doe', tenantId: 't1', roles: ['user-admin', 'auditor'] });
    const exp = JSON.parse(Buffer.from(fromEnv.stdout.trim().split('.')[1], 'base64url').toString()).exp as number;
    expect(Math.abs(exp - (now + 7200))).toBeLessThan(60);
    expect(fs.existsSync(path.join(withEnvSecret, JWT_SECRET_FILE))).toBe(false);

    expect(fromFile.code).toBe(0);
    const secret = fs.readFileSync(path.join(generated, JWT_SECRET_FILE), 'utf8').trim();
    await expect(TokenService.fromSecret(secret, 'contoso').verify(fromFile.stdout.trim())).resolves.toEqual({
      id: 'root',
      tenantId: 'contoso',
      roles: ['global-admin'],
    });

    expect(usageError.code).toBe(2);
    expect(usageError.stdout).toBe('');
    expect(usageError.stderr).toMatch(
      /unknown role\(s\): superuser; expected global-admin, user-admin, auditor, compliance/,
    );

    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"[\s\S]*Usage: npm run cli -- <command>/);

    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Commands:\n\s+token\s/);
  }, 60_000);
});
