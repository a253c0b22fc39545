import type { ReadModel } from '../../read-model';
import { GetSubscriptionHandler, ListSubscriptionsHandler } from './seat-availability.handlers';
import { seatAvailabilityProjection } from './seat-availability.projection';
import { SeatAvailabilityQueries } from './seat-availability.queries';
import { SubscriptionListDoc, SubscriptionViewDoc } from './seat-availability.view';

export * from './seat-availability.handlers';
export * from './seat-availability.projection';
export * from './seat-availability.queries';
export * from './seat-availability.view';

export const seatAvailabilityReadModel = {
  projection: seatAvailabilityProjection,
  queries: [SeatAvailabilityQueries],
  handlers: [GetSubscriptionHandler, ListSubscriptionsHandler],
  views: [SubscriptionViewDoc, SubscriptionListDoc],
} satisfies ReadModel;
