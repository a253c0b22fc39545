import { personalFieldsOf } from '@app/domain';
import { JsonObject } from '@app/event-store';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Marks a stored value as ciphertext: `pd1:` then base64 of IV (12 bytes), GCM tag (16 bytes) and ciphertext. */
const PREFIX = 'pd1:';

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/** AES-256-GCM of a JSON value; `context` (tenant and user) is authenticated, so ciphertext cannot be moved to another user. */
export function seal(key: Buffer, context: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

export function open(key: Buffer, context: string, sealed: string): unknown {
  const bytes = Buffer.from(sealed.slice(PREFIX.length), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12)).setAAD(Buffer.from(context));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as unknown;
}

/** An event's data with each personal field (E1) of its user sealed under that user's key. */
export function sealPersonalFields(key: Buffer, tenantId: string, type: string, data: JsonObject): JsonObject {
  const sealed: JsonObject = { ...data };
  for (const field of personalFieldsOf(type)) {
    if (sealed[field] === undefined || sealed[field] === null) continue;
    sealed[field] = seal(key, `${tenantId}/${String(data.userId)}`, sealed[field]);
  }
  return sealed;
}
