import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import type { Response } from 'express';
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
  ) {}

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: up while the process runs' })
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the event store answers and the read-model lag (checkpoint, head, lag)' })
  @ApiOkResponse({ description: 'Ready' })
  @ApiServiceUnavailableResponse({ description: 'Not ready: the terminus body names the failing check' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<HealthCheckResult | string | object> {
    try {
      return await this.health.check([() => this.indicators.eventStore(), () => this.indicators.readModels()]);
    } catch (error) {
      // Keep terminus' own body (status/info/error/details) rather than the generic error body.
      if (error instanceof ServiceUnavailableException) {
        res.status(503);
        return error.getResponse();
      }
      throw error;
    }
  }
}
