import {
  auditLedger,
  currentPublicKey,
  ledgerRepository,
  openDatabase,
  publicKeyFromRaw,
  type Config,
} from '@kezek/server';

/**
 * `kezek audit-ledger [--key HEX]` (docs/ledger.md): recomputes every register's log from the configured database
 * and prints one report per log; exit 0 when nothing was found, 1 on any finding. Heads are checked against
 * --key (the published key; recommended) or else the key the server signs with.
 */
export async function auditLedgerCommand(config: Config, keyHex: string | undefined): Promise<number> {
  const pinned = keyHex === undefined ? undefined : publicKeyFromRaw(Buffer.from(keyHex, 'hex'));
  if (keyHex !== undefined && (pinned === undefined || !/^[0-9a-fA-F]{64}$/.test(keyHex))) {
    process.stderr.write('kezek audit-ledger: --key must be the 32-byte Ed25519 public key in hex\n');
    return 1;
  }
  const handle = await openDatabase(config);
  try {
    const repo = ledgerRepository(handle.db);
    const audits = await auditLedger(repo, pinned ?? (await currentPublicKey(repo, config.ledgerKey)));
    let findings = 0;
    for (const audit of audits) {
      findings += audit.findings.length;
      process.stdout.write(
        `${audit.log}: ${audit.sequenced} leaves sequenced, ${audit.pending} pending, ${audit.heads} signed heads — ` +
          `${audit.findings.length === 0 ? 'consistent' : `${audit.findings.length} finding(s)`}\n`,
      );
      for (const finding of audit.findings) process.stdout.write(`  - ${finding}\n`);
    }
    process.stdout.write(findings === 0 ? 'No findings.\n' : `${findings} finding(s).\n`);
    return findings === 0 ? 0 : 1;
  } finally {
    await handle.close();
  }
}
