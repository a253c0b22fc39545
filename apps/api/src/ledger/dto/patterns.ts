/** Formats of API.md ("Commands"), shared by every DTO so each rule is written once. */
export const SKU_ID = /^[A-Z0-9_]{2,64}$/;
export const SKU_ID_MESSAGE = '$property must be 2-64 characters of A-Z, 0-9 and _';
export const SERVICE_PLAN_ID = /^[A-Z0-9_]{2,64}$/;
export const USAGE_LOCATION = /^[A-Z]{2}$/;
export const USAGE_LOCATION_MESSAGE = '$property must be an upper-case ISO 3166-1 alpha-2 country code';
export const MAX_SEATS = 1_000_000;
export const MAX_BULK_USERS = 1000;
