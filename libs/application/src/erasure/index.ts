export * from './crypto-shredding-event-store';
export * from './personal-data-keys';
