import { DomainError, DomainErrorCode } from '@app/domain';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { ReadModelDatabase } from '../../database';
import { UserQueries } from './users.queries';

export interface LicenseDetailsServicePlan {
  servicePlanName: string;
  provisioningStatus: 'Success' | 'Disabled';
}

/** Microsoft Graph's licenseDetails of one license (skuId and skuPartNumber both carry our skuId). */
export interface LicenseDetails {
  skuId: string;
  skuPartNumber: string;
  servicePlans: LicenseDetailsServicePlan[];
}

/** GET /v1/users/{userIdOrUpn}/licenseDetails, Graph's collection envelope. */
export interface LicenseDetailsList {
  value: LicenseDetails[];
}

/** Each held license with its subscription's plans: those in disabledPlans are Disabled, the others Success. */
export class LicenseDetailsQueries {
  private readonly plans;

  constructor(db: ReadModelDatabase) {
    this.plans = db.prepare<[string, string], { service_plans: string }>(
      'SELECT service_plans FROM subscriptions WHERE tenant_id = ? AND sku_id = ?',
    );
  }

  of(tenantId: string, licenses: readonly { skuId: string; disabledPlans: string[] }[]): LicenseDetails[] {
    return licenses.map(({ skuId, disabledPlans }) => {
      const plans = JSON.parse(this.plans.get(tenantId, skuId)?.service_plans ?? '[]') as string[];
      return {
        skuId,
        skuPartNumber: skuId,
        servicePlans: plans.map((servicePlanName) => ({
          servicePlanName,
          provisioningStatus: disabledPlans.includes(servicePlanName) ? 'Disabled' : 'Success',
        })),
      };
    });
  }
}

export class GetLicenseDetailsQuery extends Query<LicenseDetailsList> {
  /** What its handler refuses with; routes document them. */
  static readonly errors: readonly DomainErrorCode[] = ['UserNotFound'];

  constructor(
    readonly tenantId: string,
    readonly userIdOrUpn: string,
  ) {
    super();
  }
}

@QueryHandler(GetLicenseDetailsQuery)
export class GetLicenseDetailsHandler implements IQueryHandler<GetLicenseDetailsQuery, LicenseDetailsList> {
  constructor(
    private readonly users: UserQueries,
    private readonly details: LicenseDetailsQueries,
  ) {}

  async execute({ tenantId, userIdOrUpn }: GetLicenseDetailsQuery): Promise<LicenseDetailsList> {
    const user = this.users.find(tenantId, userIdOrUpn);
    if (!user) throw new DomainError('UserNotFound', `User ${userIdOrUpn} not found`, { userId: userIdOrUpn });
    return { value: this.details.of(tenantId, user.licenses) };
  }
}

export class LicenseDetailsServicePlanDoc implements LicenseDetailsServicePlan {
  @ApiProperty({ example: 'EXCHANGE', description: 'The plan id of the catalogue' }) servicePlanName: string;
  @ApiProperty({
    enum: ['Success', 'Disabled'],
    description: 'Disabled when the plan is in the license’s disabledPlans',
  })
  provisioningStatus: LicenseDetailsServicePlan['provisioningStatus'];
}

export class LicenseDetailsDoc implements LicenseDetails {
  @ApiProperty({
    example: 'ENTERPRISEPACK',
    description:
      'Our skuId. Graph gives a GUID here and the part number in skuPartNumber; the ledger has no GUIDs, so both carry the skuId.',
  })
  skuId: string;
  @ApiProperty({ example: 'ENTERPRISEPACK', description: 'Our skuId' }) skuPartNumber: string;
  @ApiProperty({ type: [LicenseDetailsServicePlanDoc] }) servicePlans: LicenseDetailsServicePlanDoc[];
}

export class LicenseDetailsListDoc implements LicenseDetailsList {
  @ApiProperty({ type: [LicenseDetailsDoc] }) value: LicenseDetailsDoc[];
}
