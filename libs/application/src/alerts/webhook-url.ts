import { invalid } from '@app/domain';

/**
 * SSRF defence (N1): only http(s), no credentials in the URL, and, with LEDGER_WEBHOOK_ALLOW, only the
 * listed hosts. Deliveries do not follow redirects, so an allowed host cannot bounce one elsewhere.
 */
export function validateWebhookUrl(raw: string, allowedHosts: readonly string[] | undefined): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('url', 'url must be an absolute http:// or https:// URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('url', 'url must use http:// or https://');
  if (url.username !== '' || url.password !== '')
    throw invalid('url', 'url must not hold credentials; sign with the secret instead');
  if (allowedHosts && !allowedHosts.includes(url.hostname.toLowerCase())) {
    throw invalid('url', `url's host ${url.hostname} is not in LEDGER_WEBHOOK_ALLOW`);
  }
  return url.toString();
}
