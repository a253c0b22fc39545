import { Inject } from '@nestjs/common';
import { ConfigModule, registerAs, type ConfigType } from '@nestjs/config';
import { loadLedgerConfig, type LedgerConfig } from './ledger-config';

/** `ConfigService.get('ledger')`, or inject it typed with `@InjectLedgerConfig()`. */
export const ledgerConfig = registerAs('ledger', (): LedgerConfig => loadLedgerConfig(process.env));

/** Injection token of the LedgerConfig object (override it in tests with `.overrideProvider(LEDGER_CONFIG)`). */
export const LEDGER_CONFIG = ledgerConfig.KEY;

export type LedgerConfigType = ConfigType<typeof ledgerConfig>;

/** `constructor(@InjectLedgerConfig() private readonly config: LedgerConfig)` */
export const InjectLedgerConfig = (): ParameterDecorator & PropertyDecorator => Inject(LEDGER_CONFIG);

/**
 * The global ConfigModule used by the API and the CLI alike. Only real environment variables count
 * (no .env file), so what runs is what API.md documents.
 */
export function ledgerConfigModule() {
  return ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, cache: true, load: [ledgerConfig] });
}
