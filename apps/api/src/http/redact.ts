/** Query parameters and body fields whose value is a credential (e.g. `?access_token=`, `client_secret`). */
export const CREDENTIAL_NAME = /token|secret|passw(or)?d|pwd|api[-_]?key|signature|credential|^auth|^sig$|^code$/i;
export const REDACTED = '[redacted]';

/** Paths pino censors in every log line: credential headers, and credential fields of any logged object. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  ...['password', 'secret', 'token', 'accessToken', 'access_token', 'refreshToken', 'clientSecret', 'client_secret'].flatMap((field) => [
    `req.body.${field}`,
    `*.${field}`,
  ]),
];

/** The URL with the value of every credential-like query parameter replaced, for logs. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = url
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      return equals >= 0 && CREDENTIAL_NAME.test(safeDecode(name)) ? `${name}=${REDACTED}` : pair;
    });
  return `${url.slice(0, query)}?${params.join('&')}`;
}

/** A parsed query object with credential-like values replaced, for logs. */
export function redactQuery(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, CREDENTIAL_NAME.test(name) ? REDACTED : value]));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
