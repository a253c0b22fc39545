import { DomainError, DomainErrorCode } from '@app/domain';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SeatAvailabilityQueries, SubscriptionView } from './seat-availability.queries';

export class GetSubscriptionQuery extends Query<SubscriptionView> {
  /** What its handler refuses with; routes document them. */
  static readonly errors: readonly DomainErrorCode[] = ['SubscriptionNotFound'];

  constructor(
    readonly tenantId: string,
    readonly skuId: string,
  ) {
    super();
  }
}

export class ListSubscriptionsQuery extends Query<SubscriptionView[]> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@QueryHandler(GetSubscriptionQuery)
export class GetSubscriptionHandler implements IQueryHandler<GetSubscriptionQuery, SubscriptionView> {
  constructor(private readonly seats: SeatAvailabilityQueries) {}

  async execute({ tenantId, skuId }: GetSubscriptionQuery): Promise<SubscriptionView> {
    const view = this.seats.get(tenantId, skuId);
    if (!view) throw new DomainError('SubscriptionNotFound', `Subscription ${skuId} not found`, { skuId });
    return view;
  }
}

@QueryHandler(ListSubscriptionsQuery)
export class ListSubscriptionsHandler implements IQueryHandler<ListSubscriptionsQuery, SubscriptionView[]> {
  constructor(private readonly seats: SeatAvailabilityQueries) {}

  async execute({ tenantId }: ListSubscriptionsQuery): Promise<SubscriptionView[]> {
    return this.seats.list(tenantId);
  }
}
