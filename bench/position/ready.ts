/** The line the server child prints on stdout once it listens: this prefix, then its base URL. */
export const READY_PREFIX = 'KEZEK_BENCH_READY ';
