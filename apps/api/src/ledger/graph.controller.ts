import { CATALOG } from '@app/application';
import { Catalog } from '@app/domain';
import {
  GetLicenseDetailsQuery,
  LicenseDetailsList,
  LicenseDetailsListDoc,
  ListSubscribedSkusQuery,
  SubscribedSkuList,
  SubscribedSkuListDoc,
} from '@app/projections';
import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Actor, ActorContext, Roles } from '../auth';
import { ApiErrors } from '../http/api-errors.decorator';

class ServicePlanDoc {
  @ApiProperty({ example: 'EXCHANGE' }) id: string;
  @ApiProperty({ example: 'Exchange Online' }) name: string;
  @ApiProperty({ type: [String], example: ['XX'], description: 'Usage locations where the plan is not offered (U3)' })
  unavailableIn: string[];
}

class ServicePlanListDoc {
  @ApiProperty({ type: [ServicePlanDoc] }) items: ServicePlanDoc[];
}

/** Reads shaped as Microsoft Graph's, so scripts written against Graph can be pointed here; and the catalogue. */
@ApiTags('graph')
@Controller('v1')
export class GraphController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CATALOG) private readonly catalog: Catalog,
  ) {}

  @Get('subscribedSkus')
  @Roles('user-admin', 'auditor', 'compliance')
  @ApiOperation({
    summary:
      "Every subscription as Graph's subscribedSku: capabilityStatus, consumedUnits, prepaidUnits by state, service plans",
  })
  @ApiOkResponse({ type: SubscribedSkuListDoc, description: 'Every subscription of the tenant, in skuId order' })
  subscribedSkus(@Actor() actor: ActorContext): Promise<SubscribedSkuList> {
    return this.queries.execute(new ListSubscribedSkusQuery(actor.tenantId));
  }

  @Get('users/:userId/licenseDetails')
  @Roles('user-admin', 'auditor', 'compliance')
  @ApiOperation({
    summary: "A user's licenses as Graph's licenseDetails: each plan Success, or Disabled when in disabledPlans",
  })
  @ApiParam({ name: 'userId', example: 'ada@contoso.com', description: 'A userId, or a UPN in any case' })
  @ApiOkResponse({ type: LicenseDetailsListDoc, description: "The user's licenses, in skuId order" })
  @ApiErrors(...GetLicenseDetailsQuery.errors)
  licenseDetails(@Param('userId') userIdOrUpn: string, @Actor() actor: ActorContext): Promise<LicenseDetailsList> {
    return this.queries.execute(new GetLicenseDetailsQuery(actor.tenantId, userIdOrUpn));
  }

  @Get('servicePlans')
  @ApiOperation({
    summary: 'The service-plan catalogue (LEDGER_CATALOG_FILE or the shipped default); any valid token may read it',
  })
  @ApiOkResponse({ type: ServicePlanListDoc, description: 'Every plan of the catalogue' })
  servicePlans(): ServicePlanListDoc {
    return { items: this.catalog.all() };
  }
}
