import { ZNewStaffAccount } from '@kezek/contracts';
import { migrate } from '@kezek/db';
import {
  createStaffAccount,
  formatNational,
  hashPassword,
  openDatabase,
  resetStaffPassword,
  staffDeps,
  verifyPassword,
  type Config,
} from '@kezek/server';
import { UsageError } from '../cli-error';

export type StaffCommand =
  | {
      action: 'add';
      login: string;
      name: string;
      role: string;
      district: string | undefined;
      kindergarten: string | undefined;
    }
  | { action: 'reset-password'; login: string };

const OPERATOR = { kind: 'system', job: 'kezek staff' } as const;

/**
 * `kezek staff add|reset-password` — the operator's way in on a new installation (the first regional admin) and
 * back in (a locked-out admin), with database access on the server. Prints the one-time password once; it must
 * be changed at the first sign-in. Everything else about accounts is done by the regional admin in the app.
 */
export async function staffCommand(config: Config, command: StaffCommand): Promise<number> {
  const input =
    command.action === 'add'
      ? ZNewStaffAccount.safeParse({
          login: command.login,
          fullName: command.name,
          role: command.role,
          districtKato: command.district ?? null,
          kindergartenId: command.kindergarten ?? null,
        })
      : undefined;
  if (input !== undefined && !input.success) {
    const issue = input.error.issues[0];
    throw new UsageError(`${issue?.path.join('.') ?? 'input'}: ${issue?.message ?? 'invalid'}`);
  }
  const handle = await openDatabase(config);
  try {
    await migrate(handle.db);
    const deps = staffDeps(handle.db, { hash: hashPassword, verify: verifyPassword }, formatNational);
    const now = new Date();
    let result;
    if (input !== undefined) result = await createStaffAccount(deps, OPERATOR, input.data, now);
    else {
      const account = await deps.repo.byLogin(command.login);
      if (account === undefined) {
        process.stderr.write(`kezek staff: no staff account with login "${command.login}"\n`);
        return 1;
      }
      result = await resetStaffPassword(deps, OPERATOR, account.id, now);
    }
    process.stdout.write(
      `${result.account.login} (${result.account.role}): one-time password ${result.temporaryPassword}\n` +
        'Hand it over in person; it must be changed at the first sign-in. It is not shown again.\n',
    );
    return 0;
  } finally {
    await handle.close();
  }
}
