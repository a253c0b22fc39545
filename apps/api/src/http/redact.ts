/** Query parameters and body fields whose value is a credential (e.g. `?access_token=`, `client_secret`). */
export const CREDENTIAL_NAME = /token|secret|passw(or)?d|pwd|api[-_]?key|signature|credential|^auth|^sig$|^code$/i;
export const REDACTED = '[redacted]';

/** Paths pino censors in every log line: credential fields of any logged object (request logs hold no headers). */
export const REDACTED_LOG_PATHS = [
  ...[
    'password',
    'secret',
    'token',
    'accessToken',
    'access_token',
    'refreshToken',
    'clientSecret',
    'client_secret',
  ].flatMap((field) => [`req.body.${field}`, `*.${field}`]),
];

/** A UPN or alias (E1: no personal data in logs at info): any value with an @, e.g. `?userId=ada@contoso.com`. */
const PERSONAL = /@|%40/;

/** The URL with every credential-like query parameter and every e-mail-like path segment or value replaced, for logs. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  const path = (query < 0 ? url : url.slice(0, query))
    .split('/')
    .map((segment) => (PERSONAL.test(segment) ? REDACTED : segment))
    .join('/');
  if (query < 0) return path;
  const params = url
    .slice(query + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      const secret = CREDENTIAL_NAME.test(safeDecode(name)) || PERSONAL.test(pair.slice(equals + 1));
      return equals >= 0 && secret ? `${name}=${REDACTED}` : pair;
    });
  return `${path}?${params.join('&')}`;
}

/** A parsed query (or route parameters) object with credential-like and e-mail-like values replaced, for logs. */
export function redactQuery(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [
      name,
      CREDENTIAL_NAME.test(name) || PERSONAL.test(String(value)) ? REDACTED : value,
    ]),
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
