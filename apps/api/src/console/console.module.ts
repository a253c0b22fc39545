import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { InjectLedgerConfig, type LedgerConfig } from '@app/application';
import { CONSOLE_ENV, ConsoleConfigController } from './console-config.controller';
import { consoleDir, consoleStatic } from './console-static';

/** GET /console: the web console (static, no token for the page) and its public sign-in settings. */
@Module({
  controllers: [ConsoleConfigController],
  providers: [{ provide: CONSOLE_ENV, useFactory: () => ({ ...process.env }) }],
})
export class ConsoleModule implements NestModule {
  constructor(@InjectLedgerConfig() private readonly config: LedgerConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(consoleStatic(consoleDir(), this.config.oidc?.issuer))
      .forRoutes({ path: 'console', method: RequestMethod.ALL }, { path: 'console/*path', method: RequestMethod.ALL });
  }
}
