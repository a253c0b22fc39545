import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const JWT_SECRET_FILE = 'jwt-secret';

/**
 * Returns the secret kept in `<dataDir>/jwt-secret`, generating it on first use.
 *
 * Several processes may start together on one data folder, so the secret is written completely to a
 * private temporary file ('wx') and then published with link(), which fails with EEXIST when another
 * process won the race: the loser re-reads the winner's file. No reader ever sees a partial file.
 */
export function readOrCreateJwtSecret(dataDir: string): string {
  const file = path.join(dataDir, JWT_SECRET_FILE);
  const existing = readSecret(file);
  if (existing !== undefined) return existing;

  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  const temp = path.join(dataDir, `.${JWT_SECRET_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${secret}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(temp, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readSecret(file);
    if (winner === undefined)
      throw new Error(`${file} exists but is empty; delete it or set LEDGER_JWT_SECRET`, { cause: error });
    return winner;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function readSecret(file: string): string | undefined {
  try {
    const content = fs.readFileSync(file, 'utf8').trim();
    return content === '' ? undefined : content;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
