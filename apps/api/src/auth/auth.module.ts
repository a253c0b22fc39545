import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { LEDGER_CONFIG, OidcKeys, TokenService, type LedgerConfig } from '@app/application';
import type { RemoteJWKSetOptions } from 'jose';
import { AuthGuard } from './auth.guard';

/** jose's JWKS cache settings for the identity provider (its defaults: 10 min cache, 30 s between fetches). */
export const OIDC_JWKS_OPTIONS = Symbol('OIDC_JWKS_OPTIONS');

/** Bearer-token authentication for every non-public route; exports TokenService (sign/verify). */
@Global()
@Module({
  providers: [
    { provide: OIDC_JWKS_OPTIONS, useValue: {} },
    {
      provide: TokenService,
      inject: [LEDGER_CONFIG, OIDC_JWKS_OPTIONS],
      useFactory: (config: LedgerConfig, jwksOptions: RemoteJWKSetOptions) =>
        new TokenService(config.jwtSecret, {
          defaultTenant: config.defaultTenant,
          ...(config.jwtMaxTtlSeconds !== undefined ? { maxTtlSeconds: config.jwtMaxTtlSeconds } : {}),
          ...(config.oidc ? { oidc: { ...config.oidc, keys: new OidcKeys(config.oidc.issuer, jwksOptions) } } : {}),
        }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}
