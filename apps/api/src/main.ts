import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadLedgerConfig } from '@app/application';
import { AppModule } from './app.module';
import { APP_OPTIONS, configureApp } from './bootstrap';

async function main(): Promise<void> {
  // Validate the environment before anything starts: a bad variable is reported by name, exit 1.
  // (The ConfigModule reads the same variables again; the generated JWT secret is then on disk.)
  const config = loadLedgerConfig(process.env);
  const app = configureApp(
    await NestFactory.create<NestExpressApplication>(AppModule, { ...APP_OPTIONS, abortOnError: false }),
  );
  await app.listen(config.port);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  new Logger('Bootstrap').log(
    `License Ledger listening on ${url} (docs: ${url}/docs, data: ${config.dataDir}, store: ${config.eventStore})`,
  );
}

main().catch((error: unknown) => {
  // The logger may not exist yet (e.g. a configuration error), so this goes to stderr as is.
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
