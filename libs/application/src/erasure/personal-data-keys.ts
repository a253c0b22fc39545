import { EventData, EventStore, NO_STREAM, StreamNotFoundError, WrongExpectedVersionError } from '@app/event-store';
import { randomBytes, randomUUID } from 'node:crypto';

export const KEY_STREAM_PREFIX = 'personal-data-key-';
const KEY_CREATED = 'PersonalDataKeyCreated';
const KEY_DESTROYED = 'PersonalDataKeyDestroyed';

/** The stream holding one user's data key: in the event store itself, so every API node on it finds the same key. */
export function keyStreamOf(tenantId: string, userId: string): string {
  return `${KEY_STREAM_PREFIX}${tenantId}-${userId}`;
}

export function isKeyStream(streamId: string): boolean {
  return streamId.startsWith(KEY_STREAM_PREFIX);
}

/** The event that stores a user's new data key, first in its key stream. */
export function keyCreatedEvent(key: Buffer): EventData {
  return { id: randomUUID(), type: KEY_CREATED, data: { key: key.toString('base64') }, metadata: {} };
}

/**
 * Per-user AES-256 data keys (E1). Destroying one appends a marker (so the key is no longer the stream's
 * last event, which a scavenge may keep) and deletes the stream. Keys are cached per process; null means destroyed.
 */
export class PersonalDataKeys {
  private readonly cache = new Map<string, Buffer | null>();

  constructor(private readonly store: EventStore) {}

  /** The user's key, or null when it was destroyed (or never existed). */
  async find(tenantId: string, userId: string): Promise<Buffer | null> {
    const stream = keyStreamOf(tenantId, userId);
    const cached = this.cache.get(stream);
    if (cached !== undefined) return cached;
    const key = await this.read(stream);
    this.cache.set(stream, key);
    return key;
  }

  /** The user's key, created on first use; a concurrent creator elsewhere wins and its key is used. */
  async findOrCreate(tenantId: string, userId: string): Promise<Buffer | null> {
    return (await this.findOrCreateAll(tenantId, [userId])).get(userId)!;
  }

  /**
   * Each user's key, as findOrCreate: the new ones are stored with one appendToStreams (one transaction and
   * fsync on SQLite), not one append each, so a batch of commands creating users pays for one write.
   */
  async findOrCreateAll(tenantId: string, userIds: Iterable<string>): Promise<Map<string, Buffer | null>> {
    const keys = new Map<string, Buffer | null>();
    const missing: string[] = [];
    for (const userId of new Set(userIds)) {
      const cached = this.cache.get(keyStreamOf(tenantId, userId));
      if (cached) keys.set(userId, cached);
      else missing.push(userId);
    }
    if (missing.length === 0) return keys;
    const created = missing.map(() => randomBytes(32));
    const results = await this.store.appendToStreams(
      missing.map((userId, index) => ({
        streamId: keyStreamOf(tenantId, userId),
        events: [keyCreatedEvent(created[index])],
        expectedRevision: NO_STREAM,
      })),
    );
    for (const [index, userId] of missing.entries()) {
      const stream = keyStreamOf(tenantId, userId);
      if (results[index] instanceof WrongExpectedVersionError) {
        this.cache.delete(stream);
        keys.set(userId, await this.find(tenantId, userId));
      } else {
        this.cache.set(stream, created[index]);
        keys.set(userId, created[index]);
      }
    }
    return keys;
  }

  /** Crypto-shredding: afterwards nothing sealed under this key can be opened. Idempotent. */
  async destroy(tenantId: string, userId: string): Promise<void> {
    const stream = keyStreamOf(tenantId, userId);
    this.cache.set(stream, null);
    if ((await this.read(stream)) !== null) {
      await this.store.appendToStream(stream, [{ id: randomUUID(), type: KEY_DESTROYED, data: {}, metadata: {} }]);
    }
    await this.store.deleteStream(stream);
  }

  /** Forgets a cached key (another node may have destroyed it): the next use reads the store again. */
  forget(tenantId: string, userId: string): void {
    this.cache.delete(keyStreamOf(tenantId, userId));
  }

  private async read(stream: string): Promise<Buffer | null> {
    let key: Buffer | null = null;
    try {
      for await (const event of this.store.readStream(stream)) {
        key = event.type === KEY_CREATED ? Buffer.from(String(event.data.key), 'base64') : null;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return key;
  }
}
