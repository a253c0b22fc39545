import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectLedgerConfig, type LedgerConfig } from '@app/application';
import { Public } from '../auth';

/** The console's own variables (the ledger's configuration does not know them): read from the process environment. */
export const CONSOLE_ENV = Symbol('CONSOLE_ENV');
export type ConsoleEnv = Partial<Record<'LEDGER_CONSOLE_OIDC_CLIENT_ID' | 'LEDGER_CONSOLE_OIDC_SCOPE', string>>;

export class ConsoleOidcDoc {
  @ApiProperty({ description: 'LEDGER_OIDC_ISSUER' })
  issuer: string;
  @ApiProperty({ description: 'LEDGER_CONSOLE_OIDC_CLIENT_ID, else LEDGER_OIDC_AUDIENCE' })
  clientId: string;
  @ApiProperty({ description: 'LEDGER_CONSOLE_OIDC_SCOPE, else "openid profile"' })
  scope: string;
  @ApiProperty({ description: "LEDGER_OIDC_ROLES_CLAIM: where the provider's tokens hold the roles (a dotted path)" })
  rolesClaim: string;
  @ApiProperty({ description: "LEDGER_OIDC_TENANT_CLAIM: where the provider's tokens hold the tenant id" })
  tenantClaim: string;
}

export class ConsoleConfigDoc {
  @ApiProperty({ type: ConsoleOidcDoc, nullable: true, description: 'null: sign in by pasting a token' })
  oidc: ConsoleOidcDoc | null;
}

/** What the console page must know before anyone signs in; nothing secret. */
@ApiTags('console')
@Controller('console')
export class ConsoleConfigController {
  constructor(
    @InjectLedgerConfig() private readonly config: LedgerConfig,
    @Inject(CONSOLE_ENV) private readonly env: ConsoleEnv,
  ) {}

  @Public()
  @Get('config.json')
  @ApiOperation({ summary: "The web console's sign-in settings: the OIDC issuer and client, when configured" })
  @ApiOkResponse({ type: ConsoleConfigDoc, description: "The web console's sign-in settings (no token needed)" })
  get(): ConsoleConfigDoc {
    const oidc = this.config.oidc;
    if (!oidc) return { oidc: null };
    return {
      oidc: {
        issuer: oidc.issuer,
        clientId: this.env.LEDGER_CONSOLE_OIDC_CLIENT_ID || oidc.audience,
        scope: this.env.LEDGER_CONSOLE_OIDC_SCOPE || 'openid profile',
        rolesClaim: oidc.rolesClaim,
        tenantClaim: oidc.tenantClaim,
      },
    };
  }
}
