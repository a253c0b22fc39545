import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { JWT_SECRET_FILE } from '@app/application';
import { tempDataDir } from './support/infra-app';

const ROOT = path.resolve(__dirname, '../..');

/** Runs readOrCreateJwtSecret in a fresh Node process that waits for `startAt` to maximise overlap. */
function generateInChild(dataDir: string, startAt: number): Promise<string> {
  const script = `
    const { readOrCreateJwtSecret } = require('./libs/application/src/config/jwt-secret');
    while (Date.now() < ${startAt}) {}
    process.stdout.write(readOrCreateJwtSecret(${JSON.stringify(dataDir)}));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_COMPILER_OPTIONS: '{"rootDir":"."}' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

describe('JWT secret generation across processes', () => {
  it('lets concurrent first starts on one data folder agree on a single secret', async () => {
    const dataDir = path.join(tempDataDir(), 'data');
    const startAt = Date.now() + 2_500;
    const secrets = await Promise.all(Array.from({ length: 6 }, () => generateInChild(dataDir, startAt)));
    expect(new Set(secrets).size).toBe(1);
    expect(secrets[0]).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(fs.readFileSync(path.join(dataDir, JWT_SECRET_FILE), 'utf8')).toBe(`${secrets[0]}\n`);
    expect(fs.readdirSync(dataDir)).toEqual([JWT_SECRET_FILE]);
  }, 60_000);
});
