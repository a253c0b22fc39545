// `npm start` stays fast: the console is built only when its output is missing or older than a source file.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = join(root, '..', '..', 'dist', 'apps', 'console', 'index.html');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

let built = 0;
try {
  built = statSync(output).mtimeMs;
} catch {
  // not built yet
}
const sources = Math.max(
  newest(join(root, 'src')),
  newest(join(root, 'index.html')),
  newest(join(root, 'vite.config.mts')),
);
if (built < sources) {
  // A caller's NODE_ENV (jest sets "test") would bundle React's development build, which `npm start` then serves.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.mts') });
}
