export * from './crypto-shredding-event-store';
export * from './personal-data-keys';
export { sealPersonalFields } from './personal-data-cipher';
