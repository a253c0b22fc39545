import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so `{a,b}` and `{b,a}` are the same request. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
}

export interface FingerprintInput {
  method: string;
  path: string;
  query?: unknown;
  body: unknown;
  actorId?: string;
}

/** sha256 of the request's method, path, query, canonical body and actor. */
export function requestFingerprint(input: FingerprintInput): string {
  return createHash('sha256')
    .update(
      canonicalJson([
        input.method.toUpperCase(),
        input.path,
        input.query ?? {},
        input.body ?? null,
        input.actorId ?? null,
      ]),
    )
    .digest('hex');
}
