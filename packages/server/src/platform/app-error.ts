import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '@kezek/contracts';

/** The one error type of Kezek (DESIGN.md). Thrown anywhere; mapped to HTTP only at the edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly rule: string | undefined;

  constructor(code: ErrorCode, message: string, details: { field?: string; rule?: string } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = details.field;
    this.rule = details.rule;
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
