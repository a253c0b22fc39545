import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type UserView = Schemas['UserViewDoc'];
export type SubscriptionView = Schemas['SubscriptionViewDoc'];
export type MailboxView = Schemas['MailboxViewDoc'];
export type AuditEntry = Schemas['AuditEntryDoc'];

/** An error answer of the API, in the contract's shape; `fields` maps a field name to its message (ValidationFailed). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | undefined,
  ) {
    super(message);
  }

  /** ValidationFailed's `details.fields` ({field path: [messages]}), one sentence per field. */
  get fields(): Record<string, string> {
    const fields = (this.details?.fields ?? {}) as Record<string, string[]>;
    return Object.fromEntries(Object.entries(fields).map(([name, messages]) => [name, messages.join('; ')]));
  }
}

/** Where a form's failed request is shown: a ValidationFailed answer against its fields, anything else in its error banner. */
export function showFailure(
  e: unknown,
  onFields: (fields: Record<string, string>) => void,
  onError: (e: unknown) => void,
): void {
  if (e instanceof ApiProblem && e.code === 'ValidationFailed') onFields(e.fields);
  else onError(e);
}

let bearer: string | null = null;
let onUnauthenticated: () => void = () => undefined;

/** The session sets the token; a 401 signs the user out (expired or revoked token). */
export function useBearer(token: string | null, unauthenticated: () => void): void {
  bearer = token;
  onUnauthenticated = unauthenticated;
}

/**
 * The store position of this session's latest change (X-Ledger-Position): every read asks the API to wait until its
 * read models hold it (X-Ledger-Min-Position), so a page reloaded after a change shows the change (read-your-writes).
 */
let ownPosition: bigint | null = null;

function rememberPosition(response: Response): void {
  const position = response.headers.get('X-Ledger-Position');
  if (position !== null && /^\d+$/.test(position) && (ownPosition === null || BigInt(position) > ownPosition))
    ownPosition = BigInt(position);
}

function readOwnWrites(headers: Headers): void {
  if (ownPosition !== null) headers.set('X-Ledger-Min-Position', ownPosition.toString());
}

const auth: Middleware = {
  onRequest({ request }) {
    if (bearer) request.headers.set('Authorization', `Bearer ${bearer}`);
    if (request.method === 'GET') readOwnWrites(request.headers);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) onUnauthenticated();
    rememberPosition(response);
    return response;
  },
};

/** The typed client of the public API (same origin). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** The data of an openapi-fetch answer, or an ApiProblem thrown with the API's own message. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  throw toProblem(response, error);
}

export function toProblem(response: Response, error: unknown): ApiProblem {
  const body = (error ?? {}) as Partial<Schemas['ErrorBodyDto']>;
  return new ApiProblem(
    response.status,
    body.error ?? `HTTP${response.status}`,
    body.message ?? response.statusText,
    body.details,
  );
}

/** A download of an export (CSV / NDJSON) with the bearer token; the browser saves it as `filename`. */
export async function download(path: string, accept: string, filename: string): Promise<void> {
  const headers = new Headers({ Accept: accept, ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) });
  readOwnWrites(headers);
  const response = await fetch(path, { headers });
  if (!response.ok) throw toProblem(response, await response.json().catch(() => undefined));
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
