/** Parses `90`, `90s`, `15m`, `1h`, `7d`, `2w` into seconds. */
export function parseTtl(ttl: string): number {
  const match = /^(\d+)\s*(s|m|h|d|w)?$/.exec(ttl.trim());
  const factor = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;
  const seconds = match ? Number(match[1]) * factor[(match[2] ?? 's') as keyof typeof factor] : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    throw new RangeError(`invalid TTL "${ttl}": use a positive number of seconds or e.g. 30m, 1h, 7d`);
  }
  return seconds;
}
