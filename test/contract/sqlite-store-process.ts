/**
 * A second OS process writing to the same SQLite event store file, driven by the int-spec.
 * Usage: node -r ts-node/register/transpile-only -r tsconfig-paths/register sqlite-store-process.ts <file>
 * Protocol: one JSON request per stdin line, one JSON reply per stdout line, matched by `seq`.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { ExpectedRevision, SqliteEventStore, StreamNotFoundError, WrongExpectedVersionError } from '@app/event-store';

export type ProcessRequest =
  /** One append of `count` events (with `padding` characters of data each); the reply says whether the expectation held. */
  | { seq: number; command: 'append'; stream: string; count: number; expectedRevision: string; padding?: number }
  /** `count` single-event appends, each with the revision just read, retrying on conflict. */
  | { seq: number; command: 'contend'; stream: string; count: number }
  | { seq: number; command: 'close' };

export type ProcessReply =
  | { seq: number; ok: true; ids: string[]; nextExpectedRevision: string; position: string; conflicts?: number }
  | { seq: number; ok: false; error: string; actualRevision?: string };

const store = SqliteEventStore.open(process.argv[2]);

async function handle(request: ProcessRequest): Promise<ProcessReply> {
  const { seq } = request;
  switch (request.command) {
    case 'append': {
      const events = Array.from({ length: request.count }, () => ({
        id: randomUUID(),
        type: 'WrittenByAnotherProcess',
        data: { pid: process.pid, padding: 'x'.repeat(request.padding ?? 0) },
        metadata: {},
      }));
      try {
        const result = await store.appendToStream(request.stream, events, {
          expectedRevision: parseExpectedRevision(request.expectedRevision),
        });
        return { seq, ok: true, ids: events.map((e) => e.id), ...serialise(result) };
      } catch (error) {
        return failure(seq, error);
      }
    }
    case 'contend': {
      const ids: string[] = [];
      let conflicts = 0;
      let last = { nextExpectedRevision: -1n, position: -1n };
      while (ids.length < request.count) {
        const revision = await lastRevision(request.stream);
        const event = { id: randomUUID(), type: 'Contended', data: { pid: process.pid }, metadata: {} };
        try {
          last = await store.appendToStream(request.stream, [event], { expectedRevision: revision ?? 'no_stream' });
          ids.push(event.id);
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError)) return failure(seq, error);
          conflicts += 1;
        }
      }
      return { seq, ok: true, ids, conflicts, ...serialise(last) };
    }
    case 'close':
      await store.close();
      return { seq, ok: true, ids: [], nextExpectedRevision: '-1', position: '-1' };
  }
}

async function lastRevision(stream: string): Promise<bigint | undefined> {
  try {
    for await (const event of store.readStream(stream, { direction: 'backwards', maxCount: 1 })) return event.revision;
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return undefined;
}

function parseExpectedRevision(value: string): ExpectedRevision {
  return value === 'any' || value === 'no_stream' || value === 'stream_exists' ? value : BigInt(value);
}

function serialise(result: { nextExpectedRevision: bigint; position: bigint }) {
  return { nextExpectedRevision: result.nextExpectedRevision.toString(), position: result.position.toString() };
}

function failure(seq: number, error: unknown): ProcessReply {
  if (error instanceof WrongExpectedVersionError) {
    return { seq, ok: false, error: error.name, actualRevision: String(error.actualRevision) };
  }
  return { seq, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const request = JSON.parse(line) as ProcessRequest;
  void handle(request)
    .catch((error: unknown) => failure(request.seq, error))
    .then((reply) => {
      process.stdout.write(`${JSON.stringify(reply)}\n`);
      if (request.command === 'close') lines.close();
    });
});
// Tells the parent the store is open, so a race starts only when both writers are ready.
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
