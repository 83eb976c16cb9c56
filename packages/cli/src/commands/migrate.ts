import { migrate } from '@kezek/db';
import { openDatabase, type Config } from '@kezek/server';

export async function migrateCommand(config: Config): Promise<number> {
  const handle = await openDatabase(config);
  try {
    const applied = await migrate(handle.db);
    process.stdout.write(
      applied.length === 0 ? 'No pending migrations.\n' : `Applied: ${applied.join(', ')}\n`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}
