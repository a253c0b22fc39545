import { LedgerCommand, availableSeats } from '@app/domain';
import {
  EXCHANGE,
  LYNC,
  OFFICE,
  SKU,
  assignLicense,
  given,
  licenseAssigned,
  subscriptionAdded,
  userCreated,
} from './given-when-then';

const addSubscription = (skuId: string, servicePlans: string[], seats = 5): LedgerCommand => ({
  type: 'AddSubscription',
  data: { skuId, name: `${skuId} plan`, servicePlans, seats },
});
const seats = (skuId: string, action: 'purchase' | 'expire' | 'renew', count: number): LedgerCommand => ({
  type: 'ChangeSeats',
  data: { skuId, action, count },
});

describe('subscriptions', () => {
  it('S1 given no subscription, when AddSubscription with catalogue plans, then SubscriptionAdded with those plans and seats', () => {
    given()
      .when(addSubscription('E3', [OFFICE, EXCHANGE], 25))
      .then({
        type: 'SubscriptionAdded',
        data: { skuId: 'E3', name: 'E3 plan', servicePlans: [EXCHANGE, OFFICE], seats: 25 },
      });
  });

  it('S1 given a subscription E3, when AddSubscription E3 again, then SubscriptionExists', () => {
    given(subscriptionAdded('E3', 5, [EXCHANGE]))
      .when(addSubscription('E3', [OFFICE]))
      .thenThrows('SubscriptionExists', { skuId: 'E3' });
  });

  it('S1 given no subscription, when AddSubscription with plans missing from the catalogue, then UnknownServicePlan naming each of them', () => {
    given()
      .when(addSubscription('E3', [EXCHANGE, 'YAMMER', 'TEAMS']))
      .thenThrows('UnknownServicePlan', { servicePlans: ['TEAMS', 'YAMMER'] });
  });

  it('S1 given no subscription, when AddSubscription lists a plan twice, then the plan is kept once', () => {
    given()
      .when(addSubscription('E3', [LYNC, LYNC], 1))
      .then({ type: 'SubscriptionAdded', data: { skuId: 'E3', name: 'E3 plan', servicePlans: [LYNC], seats: 1 } });
  });

  it('S2 given 5 valid seats, when purchase 3, then SeatsPurchased and 8 valid', () => {
    const { state } = given(subscriptionAdded(SKU.OFFICE, 5))
      .when(seats(SKU.OFFICE, 'purchase', 3))
      .then({ type: 'SeatsPurchased', data: { skuId: SKU.OFFICE, count: 3 } });
    expect(state.subscriptions.get(SKU.OFFICE)).toMatchObject({ valid: 8, expired: 0, assigned: 0 });
  });

  it('S2 given 5 valid seats, when expire all 5, then SeatsExpired moving them to expired', () => {
    const { state } = given(subscriptionAdded(SKU.OFFICE, 5))
      .when(seats(SKU.OFFICE, 'expire', 5))
      .then({ type: 'SeatsExpired', data: { skuId: SKU.OFFICE, count: 5 } });
    expect(state.subscriptions.get(SKU.OFFICE)).toMatchObject({ valid: 0, expired: 5 });
  });

  it('S2 given 5 valid seats, when expire 6, then NotEnoughSeatsToExpire', () => {
    given(subscriptionAdded(SKU.OFFICE, 5))
      .when(seats(SKU.OFFICE, 'expire', 6))
      .thenThrows('NotEnoughSeatsToExpire', { skuId: SKU.OFFICE, valid: 5, count: 6 });
  });

  it('S2 given 3 expired seats, when renew 3, then SeatsRenewed moving them back to valid', () => {
    const { state } = given(subscriptionAdded(SKU.OFFICE, 5), {
      type: 'SeatsExpired',
      data: { skuId: SKU.OFFICE, count: 3 },
    })
      .when(seats(SKU.OFFICE, 'renew', 3))
      .then({ type: 'SeatsRenewed', data: { skuId: SKU.OFFICE, count: 3 } });
    expect(state.subscriptions.get(SKU.OFFICE)).toMatchObject({ valid: 5, expired: 0 });
  });

  it('S2 given 3 expired seats, when renew 4, then NotEnoughSeatsToRenew', () => {
    given(subscriptionAdded(SKU.OFFICE, 5), { type: 'SeatsExpired', data: { skuId: SKU.OFFICE, count: 3 } })
      .when(seats(SKU.OFFICE, 'renew', 4))
      .thenThrows('NotEnoughSeatsToRenew', { skuId: SKU.OFFICE, expired: 3, count: 4 });
  });

  it('S2 given no expired seats, when renew 1, then NotEnoughSeatsToRenew', () => {
    given(subscriptionAdded(SKU.OFFICE, 5))
      .when(seats(SKU.OFFICE, 'renew', 1))
      .thenThrows('NotEnoughSeatsToRenew');
  });

  it('S2 given an unknown SKU, when purchase, then SubscriptionNotFound', () => {
    given()
      .when(seats('NOPE', 'purchase', 1))
      .thenThrows('SubscriptionNotFound', { skuId: 'NOPE' });
  });

  it('S2 given 2 seats both assigned, when expire 1, then allowed and the subscription is over-assigned by 1', () => {
    const { state } = given(
      subscriptionAdded(SKU.OFFICE, 2),
      userCreated('u1'),
      userCreated('u2'),
      licenseAssigned('u1', SKU.OFFICE),
      licenseAssigned('u2', SKU.OFFICE),
    )
      .when(seats(SKU.OFFICE, 'expire', 1))
      .then({ type: 'SeatsExpired', data: { skuId: SKU.OFFICE, count: 1 } });
    const office = state.subscriptions.get(SKU.OFFICE)!;
    expect(office).toMatchObject({ valid: 1, expired: 1, assigned: 2 });
    expect(office.assigned - office.valid).toBe(1);
    expect(availableSeats(office)).toBe(0);
  });

  it('S2 given an over-assigned subscription, when AssignLicense to another user, then InsufficientSeats with none available', () => {
    given(
      subscriptionAdded(SKU.OFFICE, 2),
      userCreated('u1'),
      userCreated('u2'),
      userCreated('u3'),
      licenseAssigned('u1', SKU.OFFICE),
      licenseAssigned('u2', SKU.OFFICE),
      { type: 'SeatsExpired', data: { skuId: SKU.OFFICE, count: 1 } },
    )
      .when(assignLicense('u3', [SKU.OFFICE]))
      .thenThrows('InsufficientSeats', { seats: [{ skuId: SKU.OFFICE, needed: 1, available: 0 }] });
  });
});
