import { migrate } from '@kezek/db';
import { clockFor, createLogger, openDatabase, seedDemoData, type Config } from '@kezek/server';

export async function seedCommand(config: Config): Promise<number> {
  const handle = await openDatabase(config);
  try {
    await migrate(handle.db);
    const result = await seedDemoData(handle.db, clockFor(config).now(), createLogger(config.logLevel));
    process.stdout.write(
      result.counts
        ? `Seeded: ${JSON.stringify(result.counts)}\n`
        : 'Demo data already present; nothing changed.\n',
    );
    return 0;
  } finally {
    await handle.close();
  }
}
