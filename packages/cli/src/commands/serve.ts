import { createLogger, DEMO_PASSWORD, startServer, type Config } from '@kezek/server';

export async function serveCommand(config: Config): Promise<number> {
  const log = createLogger(config.logLevel);
  const server = await startServer(config, log);
  const lines = [`\nKezek is running at ${server.url}`, `  API description: ${server.url}/openapi.json`];
  if (server.seed?.counts) {
    const counts = Object.entries(server.seed.counts).map(([name, count]) => `${count} ${name}`);
    lines.push(`  Demo data seeded: ${counts.join(', ')}`);
  }
  if (server.seed) {
    lines.push(`  Demo staff logins (password "${DEMO_PASSWORD}"):`);
    for (const { login, role, scope } of server.seed.logins)
      lines.push(`    ${login.padEnd(14)} ${role.padEnd(18)} ${scope}`);
  }
  process.stderr.write(lines.join('\n') + '\n\n');
  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info('shutting down', { signal });
      server.close().then(
        () => resolve(0),
        (error: unknown) => {
          log.error('shutdown failed', { error: String(error) });
          resolve(1);
        },
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
