import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { TOKEN_ALGORITHM, TokenService } from '@app/application';
import { LEDGER_CONFIG, type LedgerConfig } from '@app/application';
import { AuthGuard } from './auth.guard';

/** Bearer-token authentication for every non-public route; exports TokenService (sign/verify). */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [LEDGER_CONFIG],
      useFactory: (config: LedgerConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: TOKEN_ALGORITHM },
        verifyOptions: { algorithms: [TOKEN_ALGORITHM] },
      }),
    }),
  ],
  providers: [
    {
      provide: TokenService,
      inject: [JwtService, LEDGER_CONFIG],
      useFactory: (jwt: JwtService, config: LedgerConfig) => new TokenService(jwt, config.defaultTenant),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}
