import { Role } from '@app/application';
import { LedgerEvent, LedgerEventMetadata, ledgerStreamId } from '@app/domain';
import { EVENT_STORE, EventStore, NO_STREAM, readStreamOrEmpty } from '@app/event-store';
import { Projector } from '@app/projections';
import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import { Caller, LedgerApp } from './ledger-app';

export interface Expected {
  status: number;
  /** Compared with toEqual; asymmetric matchers (expect.any) are welcome. */
  body?: unknown;
  /** The events the request appended, in order; none when omitted. */
  events?: LedgerEvent[];
}

const GIVEN_ACTOR = { id: 'given' };

/**
 * Event-seeded HTTP specs, as Emmett's ApiSpecification: given stored events → a request → the answer
 * and the events it appended. The given events go through the store port into a tenant of their own
 * on the real API, and the request is sent once the projector has applied them.
 */
export function apiSpecification(ledger: LedgerApp) {
  const store = ledger.app.get<EventStore>(EVENT_STORE);
  const projector = ledger.app.get(Projector);
  return {
    given: (...given: LedgerEvent[]) => ({
      when: (send: (caller: Caller) => request.Test, roles: Role | Role[] = 'global-admin') => ({
        then: async (expected: Expected): Promise<void> => {
          const tenantId = `spec-${randomUUID()}`;
          const metadata: LedgerEventMetadata = {
            actor: GIVEN_ACTOR,
            tenantId,
            occurredAt: new Date().toISOString(),
            correlationId: randomUUID(),
            causationId: randomUUID(),
          };
          let next: bigint | 'start' = 'start';
          if (given.length > 0) {
            const appended = await store.appendToStream(
              ledgerStreamId(tenantId),
              given.map((event) => ({
                id: randomUUID(),
                type: event.type,
                data: event.data,
                metadata: { ...metadata },
              })),
              { expectedRevision: NO_STREAM },
            );
            await projector.waitFor(appended.position);
            next = appended.nextExpectedRevision + 1n;
          }
          const response = await send(ledger.as(roles, { tenant: tenantId }));
          expect({ status: response.status, body: response.body }).toEqual({
            status: expected.status,
            body: 'body' in expected ? expected.body : response.body,
          });
          const appended: LedgerEvent[] = [];
          for await (const event of readStreamOrEmpty(store, ledgerStreamId(tenantId), { fromRevision: next })) {
            appended.push({ type: event.type, data: event.data } as LedgerEvent);
          }
          expect(appended).toEqual(expected.events ?? []);
        },
      }),
    }),
  };
}
