import { createLogger, parseConfig, startServer } from '@kezek/server';
import { READY_PREFIX } from './ready';

/**
 * The server under load, in its own process so the load generator does not share its event loop: the
 * production start path (configuration from the environment, migrate, composeApp with the configured ports,
 * a PostgreSQL pool of the default size), then one ready line with the URL on stdout. SIGTERM drains and exits.
 */
const parsed = parseConfig(process.env);
if (!parsed.ok) {
  process.stderr.write(`bench server: invalid configuration:\n  ${parsed.errors.join('\n  ')}\n`);
  process.exit(1);
}
const server = await startServer(parsed.config, createLogger(parsed.config.logLevel));
process.stdout.write(`${READY_PREFIX}${server.url}\n`);

const stop = () => {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`bench server: close failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
