import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import { IDEMPOTENCY_DB_FILE, IdempotencyStore } from '../../apps/api/src/idempotency/idempotency.store';
import { canonicalJson, requestFingerprint } from '../../apps/api/src/idempotency/fingerprint';
import { tempDataDir } from './support/infra-app';

describe('IdempotencyStore (SQLite, shared by processes)', () => {
  let now = 1_000_000;
  const clock = () => now;
  const answer = { statusCode: 201, body: { userId: 'u1' }, headers: { 'X-Ledger-Position': '7' } };

  it('lets exactly one of two connections on the same file reserve a key', () => {
    const dir = tempDataDir();
    const a = new IdempotencyStore(dir, { now: clock });
    const b = new IdempotencyStore(dir, { now: clock });
    try {
      const first = a.reserve('t1', 'k', 'fp');
      expect(first.outcome).toBe('reserved');
      expect(b.reserve('t1', 'k', 'fp')).toEqual({ outcome: 'inFlight' });
      expect(b.reserve('t1', 'k', 'other')).toEqual({ outcome: 'mismatch' });
      expect(b.reserve('t2', 'k', 'fp').outcome).toBe('reserved');

      expect(a.complete('t1', 'k', (first as { owner: string }).owner, answer)).toBe(true);
      expect(b.reserve('t1', 'k', 'fp')).toEqual({ outcome: 'replay', response: answer });
      expect(b.reserve('t1', 'k', 'other')).toEqual({ outcome: 'mismatch' });
      expect(new Database(path.join(dir, IDEMPOTENCY_DB_FILE), { readonly: true }).pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      a.close();
      b.close();
    }
  });

  it('survives a restart, frees released keys and forgets old ones', () => {
    const dir = tempDataDir();
    let store = new IdempotencyStore(dir, { now: clock, retentionMs: 10_000, leaseMs: 1_000 });
    const done = store.reserve('t', 'done', 'fp') as { owner: string };
    store.complete('t', 'done', done.owner, answer);
    const failed = store.reserve('t', 'failed', 'fp') as { owner: string };
    store.release('t', 'failed', failed.owner);
    store.close();

    store = new IdempotencyStore(dir, { now: clock, retentionMs: 10_000, leaseMs: 1_000 });
    try {
      expect(store.reserve('t', 'done', 'fp').outcome).toBe('replay');
      expect(store.reserve('t', 'failed', 'fp').outcome).toBe('reserved');
      // A reservation whose process died is taken over once its lease is over; the old owner can no longer complete it.
      const abandoned = store.reserve('t', 'abandoned', 'fp') as { owner: string };
      now += 2_000;
      const takeover = store.reserve('t', 'abandoned', 'fp');
      expect(takeover.outcome).toBe('reserved');
      expect(store.complete('t', 'abandoned', abandoned.owner, answer)).toBe(false);

      now += 10_000;
      expect(store.reserve('t', 'done', 'another-request').outcome).toBe('reserved');
      expect(store.purgeExpired()).toBeGreaterThanOrEqual(1);
    } finally {
      store.close();
    }
    expect(fs.existsSync(path.join(dir, IDEMPOTENCY_DB_FILE))).toBe(true);
  });
});

describe('request fingerprint', () => {
  it('ignores key order but not values, method, path or actor', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
    const base = { method: 'POST', path: '/v1/users', body: { a: 1, b: 2 }, actorId: 'alice' };
    const fp = requestFingerprint(base);
    expect(requestFingerprint({ ...base, body: { b: 2, a: 1 } })).toBe(fp);
    expect(requestFingerprint({ ...base, body: { a: 1, b: 3 } })).not.toBe(fp);
    expect(requestFingerprint({ ...base, method: 'PATCH' })).not.toBe(fp);
    expect(requestFingerprint({ ...base, path: '/v1/users/x' })).not.toBe(fp);
    expect(requestFingerprint({ ...base, actorId: 'bob' })).not.toBe(fp);
  });
});
