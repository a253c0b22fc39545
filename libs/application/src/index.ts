export * from './catalog/catalog.loader';
export * from './clock/clock';
export * from './commands/execute-ledger.command';
export * from './config';
export * from './ledger/ledger-command.executor';
export * from './ledger.module';
export * from './queries/subscription.queries';
export * from './queries/user.queries';
