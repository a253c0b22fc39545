import { Body, Controller, Get, Injectable, Module, Post, Query, Res } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Response } from 'express';
import { DomainError } from '@app/domain';
import { Actor, Roles, type ActorContext } from '../../../apps/api/src/auth';
import { Idempotent, LEDGER_POSITION_HEADER } from '../../../apps/api/src/idempotency';

class LicenseDto {
  @Matches(/^[A-Z0-9_]{2,64}$/)
  skuId: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  disabledPlans?: string[];
}

class ThingDto {
  @IsString()
  @Length(1, 64)
  name: string;

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LicenseDto)
  addLicenses?: LicenseDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('4', { each: true })
  userIds?: string[];
}

class ListQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/** What the test controller did. */
@Injectable()
export class TestState {
  executions = 0;
  failNext = false;
}

/** Stands in for the ledger endpoints (which live elsewhere) to exercise the HTTP infrastructure. */
@Controller('v1/test')
class TestController {
  constructor(private readonly state: TestState) {}

  @Get('whoami')
  whoami(@Actor() actor: ActorContext) {
    return actor;
  }

  @Get('items')
  @Roles('auditor')
  list(@Query() query: ListQueryDto) {
    return { limit: query.limit ?? 100 };
  }

  @Post('things')
  @Roles('user-admin')
  @Idempotent()
  create(@Body() body: ThingDto, @Actor() actor: ActorContext, @Res({ passthrough: true }) res: Response) {
    return this.execute(body, actor, res);
  }

  @Post('flaky')
  @Roles('user-admin')
  @Idempotent()
  flaky(@Body() body: ThingDto, @Actor() actor: ActorContext, @Res({ passthrough: true }) res: Response) {
    if (this.state.failNext) {
      this.state.failNext = false;
      throw new DomainError('InsufficientSeats', 'Not enough seats of ENTERPRISEPACK.', {
        ENTERPRISEPACK: { needed: 3, available: 1 },
      });
    }
    return this.execute(body, actor, res);
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret internal detail: /etc/ledger.db');
  }

  private execute(body: ThingDto, actor: ActorContext, res: Response) {
    this.state.executions += 1;
    res.setHeader(LEDGER_POSITION_HEADER, String(1000 + this.state.executions));
    return {
      execution: this.state.executions,
      name: body.name,
      tenantId: actor.tenantId,
      licenses: body.addLicenses?.length ?? 0,
    };
  }
}

@Module({ controllers: [TestController], providers: [TestState] })
export class TestFeatureModule {}
