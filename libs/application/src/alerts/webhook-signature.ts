import { createHmac } from 'node:crypto';

/** The X-Ledger-Signature header: HMAC-SHA256 of the raw body with the webhook's secret. */
export const SIGNATURE_HEADER = 'X-Ledger-Signature';

export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
