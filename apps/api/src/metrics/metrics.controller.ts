import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../http/api-error';
import type { Request, Response } from 'express';
import { LEDGER_CONFIG, type LedgerConfig } from '@app/application';
import type { Registry } from 'prom-client';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';
import { requireOpsAccess } from '../ops/ops-access';
import { METRICS_REGISTRY } from './http-metrics';

@ApiTags('operations')
@Public()
// Probes and scrapers poll on their own schedule; limiting them would only fake an outage.
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics (text exposition format); with LEDGER_OPS_TOKEN set, send it as the bearer token',
  })
  @ApiUnauthorizedResponse({
    type: ErrorBodyDto,
    description: 'Unauthenticated: LEDGER_OPS_TOKEN is set and was not sent',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'Every metric in the Prometheus text format' })
  async metrics(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<string> {
    requireOpsAccess(req, this.config.opsToken);
    res.setHeader('Content-Type', this.registry.contentType);
    return this.registry.metrics();
  }
}
