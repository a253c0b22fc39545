import { ALERT_TYPES, AlertType, SeatsBelowRule } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { AlertRulesView, AlertView, WebhookView } from './alerts.queries';

export class AlertDoc implements AlertView {
  @ApiProperty({ format: 'uuid', description: 'The same on every node and every delivery: receivers dedupe on it' })
  alertId: string;
  @ApiProperty({ enum: ALERT_TYPES }) type: AlertType;
  @ApiProperty({ format: 'date-time', description: 'Clock time of the change that crossed the rule' }) raisedAt: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { skuId: 'O365_BP', available: 1, threshold: 2 },
    description:
      'SeatsLow: {skuId, available, threshold}; SeatsOverAssigned: {skuId, assigned, valid}; SubscriptionStateChanged: {skuId, status, previousStatus}; PurgeDueSoon: {userId, purgeAfter, withinDays}',
  })
  data: Record<string, unknown>;
}

export class AlertPageDoc {
  @ApiProperty({ type: [AlertDoc], description: 'Newest first' }) items: AlertDoc[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next (older) page; null at the end',
  })
  nextCursor: string | null;
}

export class SeatsBelowRuleDoc implements SeatsBelowRule {
  @ApiProperty({ example: 'O365_BP' }) skuId: string;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 2,
    description: 'SeatsLow once available seats fall below this',
  })
  available: number;
}

export class AlertRulesDoc implements AlertRulesView {
  @ApiProperty({ type: [SeatsBelowRuleDoc] }) seatsBelow: SeatsBelowRuleDoc[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: "PurgeDueSoon once a soft-deleted mailbox's purgeAfter is this many days away or fewer; null: never",
  })
  purgeDueWithinDays: number | null;
}

export class WebhookDoc implements WebhookView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'https://hooks.example.com/ledger' }) url: string;
  @ApiProperty({ enum: ALERT_TYPES, isArray: true }) events: AlertType[];
}

export class WebhookListDoc {
  @ApiProperty({ type: [WebhookDoc] }) items: WebhookDoc[];
}
