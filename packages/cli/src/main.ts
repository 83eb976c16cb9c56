import { parseArgs } from 'node:util';
import { UsageError } from './cli-error';
import { configFromArgs } from './config-from-args';
import { USAGE } from './usage';

const SERVER_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'data-dir': { type: 'string' },
} as const;

// Loaded on demand: a usage error or --help answers without loading the database and HTTP stacks.
const SERVER_COMMANDS = {
  serve: async () => (await import('./commands/serve')).serveCommand,
  migrate: async () => (await import('./commands/migrate')).migrateCommand,
  seed: async () => (await import('./commands/seed')).seedCommand,
} as const;

/** node:util's parseArgs throws on an unknown flag or argument: that is a usage error (exit 2). */
function parse<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function invalidConfiguration(errors: readonly string[]): number {
  process.stderr.write(`kezek: invalid configuration:\n${errors.map((e) => `  - ${e}`).join('\n')}\n`);
  return 1;
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  if (command === 'replay') {
    const { positionals } = parse(() =>
      parseArgs({ args: rest, options: {}, strict: true, allowPositionals: true }),
    );
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new UsageError('replay takes exactly one scenario file');
    const { replayCommand } = await import('./commands/replay');
    return replayCommand(file, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
    });
  }
  if (command === 'verify') {
    const { values, positionals } = parse(() =>
      parseArgs({
        args: rest,
        options: { online: { type: 'string' }, key: { type: 'string' } },
        strict: true,
        allowPositionals: true,
      }),
    );
    const [input, ...extra] = positionals;
    if (input === undefined || extra.length > 0)
      throw new UsageError('verify takes exactly one receipt file or QR text');
    const { verifyCommand } = await import('./commands/verify');
    return verifyCommand(
      input,
      { online: values.online, key: values.key },
      { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) },
    );
  }
  if (command === 'staff') {
    const [action, ...args] = rest;
    const { values } = parse(() =>
      parseArgs({
        args,
        options: {
          ...SERVER_OPTIONS,
          login: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          district: { type: 'string' },
          kindergarten: { type: 'string' },
        },
        strict: true,
        allowPositionals: false,
      }),
    );
    const { login, name, role, district, kindergarten, ...flags } = values;
    if (login === undefined) throw new UsageError('staff: --login is required');
    if (action !== 'add' && action !== 'reset-password')
      throw new UsageError('staff: the action is add or reset-password');
    if (action === 'add' && (name === undefined || role === undefined))
      throw new UsageError('staff add: --name and --role are required');
    const parsed = configFromArgs(flags, process.env);
    if (!parsed.ok) return invalidConfiguration(parsed.errors);
    const { staffCommand } = await import('./commands/staff');
    return staffCommand(
      parsed.config,
      action === 'add'
        ? { action, login, name: name ?? '', role: role ?? '', district, kindergarten }
        : { action, login },
    );
  }
  const auditing = command === 'audit-ledger';
  if (!auditing && !(command in SERVER_COMMANDS)) throw new UsageError(`unknown command "${command}"`);
  const { key, ...flags } = parse(
    () =>
      parseArgs({
        args: rest,
        options: { ...SERVER_OPTIONS, ...(auditing ? { key: { type: 'string' } } : {}) } as const,
        strict: true,
        allowPositionals: false,
      }).values,
  );
  const parsed = configFromArgs(flags, process.env);
  if (!parsed.ok) return invalidConfiguration(parsed.errors);
  if (auditing) {
    const { auditLedgerCommand } = await import('./commands/audit-ledger');
    return auditLedgerCommand(parsed.config, typeof key === 'string' ? key : undefined);
  }
  const execute = await SERVER_COMMANDS[command as keyof typeof SERVER_COMMANDS]();
  return execute(parsed.config);
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
