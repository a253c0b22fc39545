import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (SQLite files, their WAL and shared memory, secrets, the clock), depth first. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Which markers are readable anywhere in the folder's bytes, as UTF-8 or UTF-16LE, in any letter case:
 * live rows, free pages and WAL frames alike, the way someone with the disk would look.
 */
export function markersInFolder(dir: string, markers: readonly string[]): string[] {
  const haystacks = filesUnder(dir).map((file) => readFileSync(file).toString('latin1').toLowerCase());
  return markers.filter((marker) => {
    const needles = ['utf8', 'utf16le'].map((encoding) =>
      Buffer.from(marker.toLowerCase(), encoding as BufferEncoding).toString('latin1'),
    );
    return haystacks.some((haystack) => needles.some((needle) => haystack.includes(needle)));
  });
}

/** The markers that occur in a text (an API answer, a CLI output). */
export function markersIn(text: string, markers: readonly string[]): string[] {
  return markers.filter((marker) => text.toLowerCase().includes(marker.toLowerCase()));
}
