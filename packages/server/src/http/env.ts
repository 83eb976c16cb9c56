import type { Actor } from '../platform/actor';
import type { Logger } from '../platform/logger';

/** Per-request values set by middleware: request ID, a logger carrying it, and who is acting. */
export type Env = { Variables: { requestId: string; log: Logger; actor: Actor } };
