import type { ErrorBody } from '@kezek/contracts';

/** The API's closed error codes, plus two that only the client can observe. */
export type ApiErrorCode = ErrorBody['error']['code'] | 'NETWORK' | 'BAD_RESPONSE';

export type QueryParams = Record<string, string | number | undefined>;

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly field: string | undefined;
  readonly rule: string | undefined;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: ApiErrorCode;
    message: string;
    field?: string | undefined;
    rule?: string | undefined;
    requestId?: string | undefined;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.rule = init.rule;
    this.requestId = init.requestId;
  }
}

const KNOWN_CODES: ReadonlySet<string> = new Set<ErrorBody['error']['code']>([
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RULE_VIOLATION',
  'RATE_LIMITED',
  'INTERNAL',
  'UNAVAILABLE',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** A status the server did not explain gets the code the contract maps that status to. */
const codeForStatus = (status: number): ApiErrorCode => {
  if (status === 404) return 'NOT_FOUND';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 503) return 'UNAVAILABLE';
  if (status >= 500) return 'INTERNAL';
  return 'BAD_RESPONSE';
};

/**
 * Turns a failed response into an ApiError. Trusts the body only when it has the contract's shape
 * `{ error: { code, message, field?, rule?, requestId? } }` with a known code; anything else (a proxy's
 * HTML page, an empty body) falls back to the HTTP status.
 */
export const parseErrorBody = (status: number, body: unknown): ApiError => {
  const error = isRecord(body) ? body['error'] : undefined;
  if (isRecord(error) && typeof error['code'] === 'string' && KNOWN_CODES.has(error['code'])) {
    return new ApiError({
      status,
      code: error['code'] as ErrorBody['error']['code'],
      message: optionalString(error['message']) ?? `HTTP ${status}`,
      field: optionalString(error['field']),
      rule: optionalString(error['rule']),
      requestId: optionalString(error['requestId']),
    });
  }
  return new ApiError({ status, code: codeForStatus(status), message: `HTTP ${status}` });
};

/** `/api/x` plus the defined, non-empty parameters, in a stable order. */
export const buildUrl = (path: string, params: QueryParams = {}): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query === '' ? path : `${path}?${query}`;
};

export const isAbortError = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';

/** Any failure as an ApiError: the client's own errors pass through, anything else is a bad response. */
export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError
    ? error
    : new ApiError({ status: 0, code: 'BAD_RESPONSE', message: String(error) });

/**
 * The CSRF token of the current session (from GET /api/auth/session or a login answer). Every write with a
 * session sends it as X-CSRF-Token; the session module keeps it current.
 */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

type RequestOptions = { signal?: AbortSignal; headers?: Record<string, string> };

const request = async <T>(path: string, init: RequestInit, options: RequestOptions): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(path, { ...init, signal: options.signal ?? null, credentials: 'same-origin' });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError({ status: 0, code: 'NETWORK', message: String(error) });
  }
  if (response.status === 204) return undefined as T;
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbortError(error)) throw error;
    body = undefined;
  }
  if (!response.ok) throw parseErrorBody(response.status, body);
  if (body === undefined) {
    throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', message: 'Response is not JSON' });
  }
  return body as T;
};

/** GET a JSON resource of the API. Rejects with ApiError on any failure except an abort. */
export const getJson = <T>(path: string, params?: QueryParams, options: RequestOptions = {}): Promise<T> =>
  request<T>(
    buildUrl(path, params),
    { headers: { accept: 'application/json', ...options.headers } },
    options,
  );

/** POST / PATCH a JSON body with the session's CSRF token. Rejects with ApiError like getJson. */
export const sendJson = <T>(
  method: 'POST' | 'PATCH',
  path: string,
  body: unknown,
  options: RequestOptions = {},
): Promise<T> =>
  request<T>(
    path,
    {
      method,
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(csrfToken === null ? {} : { 'x-csrf-token': csrfToken }),
        ...options.headers,
      },
      body: JSON.stringify(body ?? {}),
    },
    options,
  );
