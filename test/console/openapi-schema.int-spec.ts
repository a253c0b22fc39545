import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** The build's drift check, as `npm run build` runs it (openapi-typescript is ESM inside, so in its own Node). */
function check() {
  return spawnSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/console/tools/openapi-schema.ts',
      '--check',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      encoding: 'utf8',
    },
  );
}

it("the console's committed client schema is the one the API's OpenAPI document generates (no drift)", () => {
  // On failure: `npm run console:schema` rewrites apps/console/src/api/schema.d.ts; review and commit it.
  expect(check()).toMatchObject({ status: 0, stderr: '' });
}, 60_000);
