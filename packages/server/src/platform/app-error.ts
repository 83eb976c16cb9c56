import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '@kezek/contracts';

/** The one error type of Kezek (DESIGN.md). Thrown anywhere; mapped to HTTP only at the edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly rule: string | undefined;
  /** When the client may try again (HTTP Retry-After), for RATE_LIMITED and UNAVAILABLE. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    details: { field?: string; rule?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = details.field;
    this.rule = details.rule;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }

  toBody(requestId?: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field === undefined ? {} : { field: this.field }),
        ...(this.rule === undefined ? {} : { rule: this.rule }),
        ...(requestId === undefined ? {} : { requestId }),
      },
    };
  }
}
