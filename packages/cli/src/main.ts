import { parseArgs } from 'node:util';
import { UsageError } from './cli-error';
import { migrateCommand } from './commands/migrate';
import { seedCommand } from './commands/seed';
import { serveCommand } from './commands/serve';
import { configFromArgs } from './config-from-args';
import { USAGE } from './usage';

const SERVER_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

const SERVER_COMMANDS = { serve: serveCommand, migrate: migrateCommand, seed: seedCommand } as const;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  if (!(command in SERVER_COMMANDS)) throw new UsageError(`unknown command "${command}"`);
  let flags;
  try {
    flags = parseArgs({ args: rest, options: SERVER_OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const parsed = configFromArgs(flags, process.env);
  if (!parsed.ok) {
    process.stderr.write(
      `kezek: invalid configuration:\n${parsed.errors.map((e) => `  - ${e}`).join('\n')}\n`,
    );
    return 1;
  }
  return SERVER_COMMANDS[command as keyof typeof SERVER_COMMANDS](parsed.config);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`kezek: ${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`kezek: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
