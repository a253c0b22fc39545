export * from './actor';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
