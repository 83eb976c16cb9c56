import type { Logger } from '../platform/logger';

/** Per-request values set by middleware. */
export type Env = { Variables: { requestId: string; log: Logger } };
