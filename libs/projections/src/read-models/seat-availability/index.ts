import type { ReadModel } from '../../read-model';
import { GetSubscriptionHandler, ListSubscriptionsHandler } from './seat-availability.handlers';
import { seatAvailabilityProjection } from './seat-availability.projection';
import { SeatAvailabilityQueries } from './seat-availability.queries';
import { SubscriptionListDoc, SubscriptionViewDoc } from './seat-availability.view';
import {
  ListSubscribedSkusHandler,
  PrepaidUnitsDoc,
  SubscribedSkuDoc,
  SubscribedSkuListDoc,
  SubscribedSkuServicePlanDoc,
} from './subscribed-skus';

export * from './seat-availability.handlers';
export * from './seat-availability.projection';
export * from './seat-availability.queries';
export * from './seat-availability.view';
export * from './subscribed-skus';

export const seatAvailabilityReadModel = {
  projection: seatAvailabilityProjection,
  queries: [SeatAvailabilityQueries],
  handlers: [GetSubscriptionHandler, ListSubscriptionsHandler, ListSubscribedSkusHandler],
  views: [
    SubscriptionViewDoc,
    SubscriptionListDoc,
    PrepaidUnitsDoc,
    SubscribedSkuServicePlanDoc,
    SubscribedSkuDoc,
    SubscribedSkuListDoc,
  ],
} satisfies ReadModel;
