export * from './catalog';
export * from './commands';
export * from './decide';
export * from './events';
export * from './evolve';
export * from './failures';
export * from './license-changes';
export * from './state';
