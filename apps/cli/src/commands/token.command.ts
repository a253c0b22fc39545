import { ROLES, TokenService, isRole, loadLedgerConfig, parseTtl, type Role } from '@app/application';
import { CliUsageError, EXIT_OK, collect, defineCommand, parseTenant } from '../cli-command';

interface TokenOptions {
  role?: string[];
  actor?: string;
  name?: string;
  tenant?: string;
  ttl: string;
}

export const tokenCommand = defineCommand<TokenOptions>(
  (command) =>
    command
      .name('token')
      .summary('print a signed bearer token for an actor and roles')
      .usage('--role <role> [--role <role> ...] --actor <id> [--name "Alice"] [--tenant t1] [--ttl 1h]')
      .description(
        `Prints a bearer token (HS256) signed with LEDGER_JWT_SECRET, or with the secret kept in
LEDGER_DATA_DIR/jwt-secret (generated on first use), exactly as the API verifies it.`,
      )
      .option('-r, --role <role>', `${ROLES.join(' | ')} (repeatable, at least one)`, collect)
      .option('-a, --actor <id>', 'actor id, the token\'s "sub"')
      .option('-n, --name <name>', 'display name (claim "name")')
      .option('-t, --tenant <id>', 'tenant id (claim "tid"); default: the API\'s LEDGER_DEFAULT_TENANT')
      .option('--ttl <time>', 'lifetime: seconds or 30m, 1h, 7d, 2w (default 1h)', '1h'),
  async (values, io) => {
    const roles = values.role ?? [];
    if (roles.length === 0) throw new CliUsageError('at least one --role is required');
    const unknown = roles.filter((role) => !isRole(role));
    if (unknown.length > 0)
      throw new CliUsageError(`unknown role(s): ${unknown.join(', ')}; expected ${ROLES.join(', ')}`);
    const actor = values.actor?.trim();
    if (!actor) throw new CliUsageError('--actor <id> is required');
    const tenant = parseTenant(values.tenant);
    let ttlSeconds: number;
    try {
      ttlSeconds = parseTtl(values.ttl);
    } catch (error) {
      throw new CliUsageError((error as Error).message);
    }

    const config = loadLedgerConfig(io.env);
    const token = TokenService.fromSecret(config.jwtSecret, config.defaultTenant).sign({
      actorId: actor,
      roles: roles as Role[],
      ttlSeconds,
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(tenant !== undefined ? { tenantId: tenant } : {}),
    });
    io.stdout.write(`${token}\n`);
    return EXIT_OK;
  },
);
