import { randomBytes } from 'node:crypto';
import { PersonalDataKeys } from './personal-data-keys';
import { isSealed, open, seal } from './personal-data-cipher';

/** An Idempotency-Key's stored answer, sealed so that it opens only while every user it is about still has a key. */
interface SealedBody {
  sealedFor: { userId: string; share: string }[];
  body: string;
}

/**
 * The answer holds user views (UPNs), so it is sealed under a fresh key split into one share per user of the
 * command (XOR): purging any one of them destroys a share, and the whole answer becomes unreadable (E1).
 */
export async function sealBody(
  keys: PersonalDataKeys,
  tenantId: string,
  idempotencyKey: string,
  userIds: string[],
  body: unknown,
): Promise<SealedBody> {
  const bodyKey = randomBytes(32);
  const shares: Buffer[] = userIds.map(() => randomBytes(32));
  shares[shares.length - 1] = shares.slice(0, -1).reduce(xor, bodyKey);
  const sealedFor = [];
  for (const [index, userId] of userIds.entries()) {
    const key = await keys.findOrCreate(tenantId, userId);
    if (!key) throw new Error(`The data key of user ${userId} is destroyed: nothing about that user can be stored`);
    sealedFor.push({ userId, share: seal(key, `${tenantId}/${userId}`, shares[index].toString('base64')) });
  }
  return { sealedFor, body: seal(bodyKey, `${tenantId}/idempotency/${idempotencyKey}`, body) };
}

export function isSealedBody(body: unknown): body is SealedBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as SealedBody).sealedFor) &&
    isSealed((body as SealedBody).body)
  );
}

/** The answer, or null once any of its users was purged. */
export async function openBody(
  keys: PersonalDataKeys,
  tenantId: string,
  idempotencyKey: string,
  sealed: SealedBody,
): Promise<unknown> {
  let bodyKey: Buffer = Buffer.alloc(32);
  for (const { userId, share } of sealed.sealedFor) {
    const key = await keys.find(tenantId, userId);
    if (!key) return null;
    bodyKey = xor(bodyKey, Buffer.from(open(key, `${tenantId}/${userId}`, share) as string, 'base64'));
  }
  return open(bodyKey, `${tenantId}/idempotency/${idempotencyKey}`, sealed.body);
}

function xor(a: Buffer, b: Buffer): Buffer {
  return Buffer.from(a.map((byte, index) => byte ^ b[index]));
}
