import { err, ok, type Result } from '@kezek/domain';
import type { z } from 'zod';
import { portError, type PortError } from './port-error';

/** Transport settings shared by the real-protocol adapters. `fetch` is replaceable for tests only. */
export type HttpTransport = { timeoutMs: number; fetch?: typeof fetch };

export type JsonRequest = {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
};

const MAX_DETAIL = 300;

/**
 * One JSON call to an external system, its answer validated by `schema`. Throttling, server errors,
 * timeouts and connection failures are retryable; other 4xx answers are not; 404 is NOT_FOUND.
 */
export async function requestJson<S extends z.ZodType>(
  system: string,
  request: JsonRequest,
  schema: S,
  transport: HttpTransport,
): Promise<Result<z.infer<S>, PortError>> {
  const doFetch = transport.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(request.url, {
      method: request.method,
      headers: {
        accept: 'application/json',
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.timeout(transport.timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : describe(error);
    return err(portError('UNAVAILABLE', `${system}: ${reason}`));
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    const detail = `${system}: HTTP ${response.status} ${text.slice(0, MAX_DETAIL)}`.trim();
    if (response.status === 404) return err(portError('NOT_FOUND', detail));
    if (response.status === 408 || response.status === 429 || response.status >= 500)
      return err(portError('UNAVAILABLE', detail));
    return err(portError('REJECTED', detail));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return err(portError('BAD_RESPONSE', `${system}: answer is not JSON: ${text.slice(0, MAX_DETAIL)}`));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err(
      portError(
        'BAD_RESPONSE',
        `${system}: unexpected answer at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`,
      ),
    );
  }
  return ok(parsed.data);
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Joins a configured base URL and a path without doubling or dropping the slash. */
export const joinUrl = (base: string, path: string): string => `${base.replace(/\/+$/, '')}/${path}`;
