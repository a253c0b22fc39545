import type { InjectionToken, Provider } from '@nestjs/common';
import type { ReadModelDatabase } from '../database';
import type { Projection } from '../projection';
import type { ReadModel } from '../read-model';
import { alertsReadModel } from './alerts';
import { auditReadModel } from './audit';
import { mailboxRetentionReadModel } from './mailbox-retention';
import { retentionTimelineReadModel } from './retention-timeline';
import { seatAvailabilityReadModel } from './seat-availability';
import { usersReadModel } from './users';

export * from './alerts';
export * from './audit';
export * from './mailbox-retention';
export * from './retention-timeline';
export * from './seat-availability';
export * from './users';

/** Every read model, once: the projector's list, the Nest providers and the OpenAPI views derive from it. */
export const READ_MODEL_REGISTRY: readonly ReadModel[] = [
  seatAvailabilityReadModel,
  usersReadModel,
  mailboxRetentionReadModel,
  auditReadModel,
  retentionTimelineReadModel,
  alertsReadModel,
];

/** Every read model the projector keeps up to date. */
export const READ_MODELS: readonly Projection[] = READ_MODEL_REGISTRY.map((model) => model.projection);

/**
 * The read models a command's answer reads (a user with its licenses' plans and mailbox, seats, alert rules and
 * webhooks): previews apply a command's events to these alone. The audit trail and the retention timeline are read
 * by queries only, and were most of a preview's cost.
 */
export const ANSWER_READ_MODELS: readonly Projection[] = [
  seatAvailabilityReadModel,
  usersReadModel,
  mailboxRetentionReadModel,
  alertsReadModel,
].map((model) => model.projection);

/** The OpenAPI classes of every read model's views. */
export const READ_MODEL_VIEWS = READ_MODEL_REGISTRY.flatMap((model) => model.views);

/** Every read model's query classes (built on the database behind `database`) and its query handlers. */
export function readModelProviders(database: InjectionToken): Provider[] {
  return READ_MODEL_REGISTRY.flatMap((model) => [
    ...model.queries.map((Queries) => ({
      provide: Queries,
      inject: [database],
      useFactory: (db: ReadModelDatabase) => new Queries(db),
    })),
    ...model.handlers,
  ]);
}

/** The query classes every read model exports to the rest of the application. */
export const READ_MODEL_QUERIES = READ_MODEL_REGISTRY.flatMap((model) => model.queries);
