import { Controller, Get, Inject, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { Request, Response } from 'express';
import { LEDGER_CONFIG, type LedgerConfig } from '@app/application';
import { hasOpsAccess } from '../ops/ops-access';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/auth.decorators';
import { LedgerHealthIndicators } from './ledger-health.indicators';

@ApiTags('operations')
@Public()
// Probes and scrapers poll on their own schedule; limiting them would only fake an outage.
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: LedgerHealthIndicators,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: up while the process runs' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: the event store answers and the read-model lag (checkpoint, head, lag)',
    description:
      'With LEDGER_OPS_TOKEN set, only a caller sending it as the bearer token sees the details; anyone else gets `{status}` and the same status code.',
  })
  @ApiOkResponse({ description: 'Ready' })
  @ApiServiceUnavailableResponse({ description: 'Not ready: the terminus body names the failing check' })
  async ready(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<HealthCheckResult | string | object> {
    const detailed = hasOpsAccess(req, this.config.opsToken);
    try {
      const result = await this.health.check([() => this.indicators.eventStore(), () => this.indicators.readModels()]);
      return detailed ? result : { status: result.status };
    } catch (error) {
      // Keep terminus' own body (status/info/error/details) rather than the generic error body.
      if (error instanceof ServiceUnavailableException) {
        res.status(503);
        const body = error.getResponse();
        return detailed ? body : { status: (body as { status?: unknown }).status ?? 'error' };
      }
      throw error;
    }
  }
}
