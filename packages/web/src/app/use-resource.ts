import { useCallback, useEffect, useState } from 'react';
import { isAbortError, toApiError, type ApiError } from '../api/client';

export type Resource<T> =
  | { status: 'loading'; data: T | undefined }
  | { status: 'ready'; data: T; key: string }
  | { status: 'error'; error: ApiError; data: T | undefined };

/**
 * Loads data for the given key and reloads when the key changes; an older response never overwrites
 * a newer one because each load aborts its predecessor. Keeps the previous data while reloading so
 * lists do not jump.
 */
export const useResource = <T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): Resource<T> & { retry: () => void } => {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Resource<T>>({ status: 'loading', data: undefined });

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ status: 'loading', data: previous.data }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data, key });
      },
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        setState((previous) => ({ status: 'error', error: toApiError(error), data: previous.data }));
      },
    );
    return () => controller.abort();
    // `load` is recreated on each render; `key` names everything it depends on.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
};
