/**
 * Why a call to an external system failed. `retryable` tells the caller whether the same call may succeed
 * later (gateway down, timeout, throttled) or never will (invalid input, unknown person, rejected request).
 */
export type PortErrorCode = 'INVALID_INPUT' | 'NOT_FOUND' | 'REJECTED' | 'UNAVAILABLE' | 'BAD_RESPONSE';

export type PortError = {
  readonly code: PortErrorCode;
  readonly message: string;
  readonly retryable: boolean;
};

const RETRYABLE: Record<PortErrorCode, boolean> = {
  INVALID_INPUT: false,
  NOT_FOUND: false,
  REJECTED: false,
  UNAVAILABLE: true,
  BAD_RESPONSE: false,
};

export const portError = (code: PortErrorCode, message: string): PortError => ({
  code,
  message,
  retryable: RETRYABLE[code],
});
