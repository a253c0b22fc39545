import { CLOCK, ManualClock, RetentionSaga } from '@app/application';
import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../auth';
import { ErrorBodyDto } from '../http/api-error';
import { validationFailed } from '../http/validation';
import { IDEMPOTENT_REPLAYED_HEADER, Idempotent, type IdempotentRequest } from '../idempotency';
import { AdvanceClockDto } from './dto/advance-clock.dto';

export class ClockViewDoc {
  @ApiProperty({ format: 'date-time', example: '2030-01-01T10:00:00.000Z' }) now: string;
}

const NOT_MANUAL = 'NotFound: the service does not run with LEDGER_CLOCK=manual';

/** The manual clock of demos and tests (API.md, "Clock"): it stands still, survives restarts and moves only here. */
@ApiTags('clock')
@Controller('v1/clock')
export class ClockController {
  constructor(
    @Inject(CLOCK) private readonly clock: ManualClock,
    private readonly retention: RetentionSaga,
  ) {}

  @Get()
  @ApiOperation({ summary: "The ledger's current time (manual clock only); any valid token" })
  @ApiOkResponse({ type: ClockViewDoc, description: 'The manual clock now' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_MANUAL })
  async now(): Promise<ClockViewDoc> {
    return { now: (await this.clock.now()).toISOString() };
  }

  @Post('advance')
  @HttpCode(200)
  @Idempotent()
  @Roles('global-admin')
  @ApiOperation({
    summary: 'Move the manual clock forward, then run the retention saga once at the new time',
    description:
      'Non-negative integers, at least one of them > 0. Answers after one whole retention pass at the new time, so ' +
      'whatever fell due (mailboxes, deleted users) is purged when the answer arrives. The clock lives in the event store: every API node on it shares the time.',
  })
  @ApiOkResponse({ type: ClockViewDoc, description: 'The manual clock after the advance' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: NOT_MANUAL })
  async advance(
    @Body() body: AdvanceClockDto,
    @Req() req: IdempotentRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClockViewDoc> {
    const { days = 0, hours = 0, minutes = 0 } = body ?? {};
    if (days + hours + minutes === 0) {
      throw validationFailed({ '(body)': ['at least one of days, hours and minutes must be greater than 0'] });
    }
    const outcome = await this.clock.advance({ days, hours, minutes }, req.idempotency);
    if (outcome.replayed) {
      res.status(outcome.replayed.status);
      res.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    }
    // A replay runs a pass too: the first answer may have been lost before its pass ended.
    await this.retention.runOnce();
    return outcome.body;
  }
}
