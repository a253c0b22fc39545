import { personalFieldsOf } from '@app/domain';
import {
  AllSubscription,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
  SubscribeToAllOptions,
  WrongExpectedVersionError,
  appendOne,
} from '@app/event-store';
import { PersonalDataKeys, isKeyStream } from './personal-data-keys';
import { isSealed, open, sealPersonalFields } from './personal-data-cipher';
import { isSealedBody, openBody, sealBody } from './sealed-idempotency-body';

const LEDGER_STREAM = 'ledger-';

/** A personal field stored in plaintext: the folder was written before crypto-shredding and must be migrated. */
export class PlaintextPersonalDataError extends Error {
  constructor(streamId: string, position: bigint) {
    super(
      `The event at position ${position} of ${streamId} holds personal data in plaintext (written before crypto-shredding): ` +
        'run `npm run cli -- encrypt-personal-data` on this data folder first (see docs/compliance.md)',
    );
    this.name = 'PlaintextPersonalDataError';
  }
}

type ErasureListener = (tenantId: string, userId: string) => void;

/**
 * Crypto-shredding (E1) in the store layer, around any adapter: the personal fields of ledger events, and the
 * Idempotency-Key answers in their metadata, are sealed under per-user keys on the way in and opened on the way
 * out, so the domain and read models see plaintext, or null with `erased: true` once the user's key is gone.
 * UserPurged destroys the key right after its append; every node also destroys it (if still there) and tells its
 * listeners when its subscription delivers the UserPurged, so in-memory states and snapshots are blanked everywhere.
 */
export class CryptoShreddingEventStore implements EventStore {
  readonly keys: PersonalDataKeys;
  private readonly listeners: ErasureListener[] = [];

  constructor(readonly inner: EventStore) {
    this.keys = new PersonalDataKeys(inner);
  }

  /** Called once per UserPurged this process's subscription delivers (after the key is destroyed). */
  onErasure(listener: ErasureListener): void {
    this.listeners.push(listener);
  }

  appendToStream(
    streamId: string,
    events: readonly EventData[],
    options?: { expectedRevision?: ExpectedRevision },
  ): Promise<AppendResult> {
    return appendOne(this, streamId, events, options?.expectedRevision);
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<(AppendResult | WrongExpectedVersionError)[]> {
    const sealed: StreamAppend[] = [];
    for (const append of appends) {
      sealed.push(isLedgerStream(append.streamId) ? { ...append, events: await this.sealAll(append.events) } : append);
    }
    const results = await this.inner.appendToStreams(sealed);
    for (const [index, { streamId, events }] of appends.entries()) {
      if (!isLedgerStream(streamId) || results[index] instanceof WrongExpectedVersionError) continue;
      for (const event of events) {
        if (event.type === 'UserPurged') await this.keys.destroy(tenantOf(event), String(event.data.userId));
      }
    }
    return results;
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readStream(streamId, options)) yield await this.opened(event);
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent> {
    for await (const event of this.inner.readAll(options)) yield await this.opened(event);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    const inner = this.inner.subscribeToAll(options);
    const opened = async function* (this: CryptoShreddingEventStore) {
      for await (const event of inner) {
        if (event.type === 'UserPurged' && isLedgerStream(event.streamId)) await this.erased(event);
        yield await this.opened(event);
      }
    }.call(this);
    return { [Symbol.asyncIterator]: () => opened, unsubscribe: () => inner.unsubscribe() };
  }

  /** Throws PlaintextPersonalDataError when the log's first personal field is stored in plaintext (a folder from before E1). */
  async assertSealed(): Promise<void> {
    for await (const event of this.inner.readAll()) {
      if (!isLedgerStream(event.streamId)) continue;
      const values = personalFieldsOf(event.type)
        .map((field) => event.data[field])
        .filter((value) => value !== undefined && value !== null);
      if (values.length === 0) continue;
      if (!values.every(isSealed)) throw new PlaintextPersonalDataError(event.streamId, event.position);
      return;
    }
  }

  deleteStream(streamId: string): Promise<void> {
    return this.inner.deleteStream(streamId);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** The repair after a crash between the purge's append and the key's destruction, and the signal to this node. */
  private async erased(event: RecordedEvent): Promise<void> {
    const tenantId = tenantOf(event);
    const userId = String(event.data.userId);
    this.keys.forget(tenantId, userId);
    if (await this.keys.find(tenantId, userId)) await this.keys.destroy(tenantId, userId);
    for (const listener of this.listeners) listener(tenantId, userId);
  }

  private async sealAll(events: readonly EventData[]): Promise<EventData[]> {
    // Each command's answer is sealed once, for every user its events are about.
    const usersOfKey = new Map<string, string[]>();
    for (const event of events) {
      const key = idempotencyOf(event)?.key;
      if (typeof key === 'string' && typeof event.data.userId === 'string') {
        usersOfKey.set(key, [...new Set([...(usersOfKey.get(key) ?? []), event.data.userId])]);
      }
    }
    await this.createKeys(events, usersOfKey);
    const sealedBodies = new Map<string, unknown>();
    const sealed: EventData[] = [];
    for (const event of events) {
      const tenantId = tenantOf(event);
      let data = event.data;
      if (hasPersonalData(event)) {
        const userId = String(data.userId);
        const key = await this.keys.findOrCreate(tenantId, userId);
        if (!key)
          throw new Error(`The data key of user ${userId} is destroyed: no personal data of that user can be stored`);
        data = sealPersonalFields(key, tenantId, event.type, data);
      }
      let metadata = event.metadata;
      const idempotency = idempotencyOf(event);
      const users = idempotency && usersOfKey.get(String(idempotency.key));
      if (idempotency && users) {
        const key = String(idempotency.key);
        if (!sealedBodies.has(key))
          sealedBodies.set(key, await sealBody(this.keys, tenantId, key, users, idempotency.body));
        metadata = { ...metadata, idempotency: { ...idempotency, body: sealedBodies.get(key) } };
      }
      sealed.push({ ...event, data, metadata });
    }
    return sealed;
  }

  /** The keys every user of these events needs, those not yet created stored together (one write, not one per user). */
  private async createKeys(events: readonly EventData[], usersOfKey: Map<string, string[]>): Promise<void> {
    const usersOfTenant = new Map<string, Set<string>>();
    for (const event of events) {
      const users = usersOfTenant.get(tenantOf(event)) ?? new Set<string>();
      usersOfTenant.set(tenantOf(event), users);
      if (hasPersonalData(event)) users.add(String(event.data.userId));
      const key = idempotencyOf(event)?.key;
      for (const userId of (typeof key === 'string' && usersOfKey.get(key)) || []) users.add(userId);
    }
    for (const [tenantId, users] of usersOfTenant) await this.keys.findOrCreateAll(tenantId, users);
  }

  private async opened(event: RecordedEvent): Promise<RecordedEvent> {
    // Key material never leaves this class: its events keep their place in $all, without data.
    if (isKeyStream(event.streamId)) return { ...event, data: {} };
    if (!isLedgerStream(event.streamId)) return event;
    const tenantId = tenantOf(event);
    const fields = personalFieldsOf(event.type);
    let data = event.data;
    if (hasPersonalData(event)) {
      data = { ...data };
      const userId = String(data.userId);
      const key = await this.keys.find(tenantId, userId);
      for (const field of fields) {
        const value = data[field];
        if (value === undefined || value === null) continue;
        if (!isSealed(value)) throw new PlaintextPersonalDataError(event.streamId, event.position);
        data[field] = key ? open(key, `${tenantId}/${userId}`, value) : null;
      }
      if (!key) data.erased = true;
    }
    let metadata = event.metadata;
    const idempotency = idempotencyOf(event);
    if (idempotency && isSealedBody(idempotency.body)) {
      metadata = {
        ...metadata,
        idempotency: {
          ...idempotency,
          body: await openBody(this.keys, tenantId, String(idempotency.key), idempotency.body),
        },
      };
    }
    return data === event.data && metadata === event.metadata ? event : { ...event, data, metadata };
  }
}

function isLedgerStream(streamId: string): boolean {
  return streamId.startsWith(LEDGER_STREAM);
}

function hasPersonalData({ type, data }: EventData): boolean {
  return personalFieldsOf(type).some((field) => data[field] !== undefined && data[field] !== null);
}

function tenantOf(event: EventData): string {
  return String(event.metadata.tenantId);
}

function idempotencyOf(event: EventData): JsonObject | undefined {
  const record = event.metadata.idempotency;
  return typeof record === 'object' && record !== null ? (record as JsonObject) : undefined;
}
