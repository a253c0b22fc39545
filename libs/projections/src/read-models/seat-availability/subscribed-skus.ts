import { ApiProperty } from '@nestjs/swagger';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { SeatAvailabilityQueries, SubscriptionView } from './seat-availability.queries';

/** The subscription lifecycle of API.md (SL1–SL3); every subscription is `enabled` until the lifecycle stores a status. */
export type SubscriptionStatus = 'enabled' | 'warning' | 'suspended' | 'deleted';

/** Microsoft Graph's licenseUnitsDetail: the prepaid seats by the state they are in. */
export interface PrepaidUnits {
  enabled: number;
  warning: number;
  suspended: number;
  lockedOut: number;
}

export interface SubscribedSkuServicePlan {
  servicePlanName: string;
  provisioningStatus: 'Success';
  appliesTo: 'User';
}

/** Microsoft Graph's subscribedSku, as far as the ledger knows it (skuId and skuPartNumber both carry our skuId). */
export interface SubscribedSku {
  skuId: string;
  skuPartNumber: string;
  capabilityStatus: 'Enabled' | 'Warning' | 'Suspended' | 'Deleted';
  consumedUnits: number;
  prepaidUnits: PrepaidUnits;
  servicePlans: SubscribedSkuServicePlan[];
}

/** GET /v1/subscribedSkus, Graph's collection envelope. */
export interface SubscribedSkuList {
  value: SubscribedSku[];
}

/** One place maps the lifecycle onto Graph: the valid seats count under the state the subscription is in. */
export function graphCapability(
  status: SubscriptionStatus,
  valid: number,
): Pick<SubscribedSku, 'capabilityStatus' | 'prepaidUnits'> {
  const units = { enabled: 0, warning: 0, suspended: 0, lockedOut: 0 };
  switch (status) {
    case 'enabled':
      return { capabilityStatus: 'Enabled', prepaidUnits: { ...units, enabled: valid } };
    case 'warning':
      return { capabilityStatus: 'Warning', prepaidUnits: { ...units, warning: valid } };
    case 'suspended':
      return { capabilityStatus: 'Suspended', prepaidUnits: { ...units, suspended: valid } };
    case 'deleted':
      return { capabilityStatus: 'Deleted', prepaidUnits: { ...units, lockedOut: valid } };
  }
}

export function toSubscribedSku(view: SubscriptionView, status: SubscriptionStatus = 'enabled'): SubscribedSku {
  return {
    skuId: view.skuId,
    skuPartNumber: view.skuId,
    ...graphCapability(status, view.valid),
    consumedUnits: view.assigned,
    servicePlans: view.servicePlans.map((servicePlanName) => ({
      servicePlanName,
      provisioningStatus: 'Success',
      appliesTo: 'User',
    })),
  };
}

export class ListSubscribedSkusQuery extends Query<SubscribedSkuList> {
  constructor(readonly tenantId: string) {
    super();
  }
}

@QueryHandler(ListSubscribedSkusQuery)
export class ListSubscribedSkusHandler implements IQueryHandler<ListSubscribedSkusQuery, SubscribedSkuList> {
  constructor(private readonly seats: SeatAvailabilityQueries) {}

  async execute({ tenantId }: ListSubscribedSkusQuery): Promise<SubscribedSkuList> {
    return { value: this.seats.list(tenantId).map((view) => toSubscribedSku(view)) };
  }
}

const SKU_ID_MAPPING =
  'Our skuId (e.g. ENTERPRISEPACK). Graph gives a GUID here and the part number in skuPartNumber; the ledger has no GUIDs, so both carry the skuId.';

export class PrepaidUnitsDoc implements PrepaidUnits {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Valid seats while the subscription is enabled' })
  enabled: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Valid seats while it is in warning (not renewed, still usable)',
  })
  warning: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Valid seats while it is suspended' }) suspended: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Valid seats of a deleted subscription' }) lockedOut: number;
}

export class SubscribedSkuServicePlanDoc implements SubscribedSkuServicePlan {
  @ApiProperty({ example: 'EXCHANGE', description: 'The plan id of the catalogue' }) servicePlanName: string;
  @ApiProperty({ enum: ['Success'] }) provisioningStatus: 'Success';
  @ApiProperty({ enum: ['User'] }) appliesTo: 'User';
}

export class SubscribedSkuDoc implements SubscribedSku {
  @ApiProperty({ example: 'ENTERPRISEPACK', description: SKU_ID_MAPPING }) skuId: string;
  @ApiProperty({ example: 'ENTERPRISEPACK', description: 'Our skuId' }) skuPartNumber: string;
  @ApiProperty({ enum: ['Enabled', 'Warning', 'Suspended', 'Deleted'] })
  capabilityStatus: SubscribedSku['capabilityStatus'];
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Assigned seats' }) consumedUnits: number;
  @ApiProperty({ type: PrepaidUnitsDoc }) prepaidUnits: PrepaidUnitsDoc;
  @ApiProperty({ type: [SubscribedSkuServicePlanDoc] }) servicePlans: SubscribedSkuServicePlanDoc[];
}

export class SubscribedSkuListDoc implements SubscribedSkuList {
  @ApiProperty({ type: [SubscribedSkuDoc] }) value: SubscribedSkuDoc[];
}
