export const USAGE = `kezek — preschool state services of Kazakhstan (Order No. 254)

Usage: kezek <command> [options]

Commands:
  serve            start the web server (migrates, seeds demo data on the embedded database)
  migrate          apply pending database migrations
  seed             seed the demo data (idempotent)
  replay <file>    run a scenario (JSON Lines; docs/replay.md) through the rules, print JSON
  verify <receipt.json | QR text> [--online URL] [--key HEX]
                   verify a register receipt offline: leaf, signed tree head, inclusion proof
                   (--online: also the server's key and consistency with its latest head; docs/ledger.md)
  audit-ledger [--key HEX]
                   recompute the registers' logs from the database; report rows changed since their
                   leaf, missing or reordered leaves, heads that do not match (exit 1 on any finding)
  staff add --login L --name "Full name" --role R [--district KATO] [--kindergarten ID]
  staff reset-password --login L
                   open a staff account (the first regional admin of an installation) or let a
                   locked-out one back in; prints a one-time password, changed at the first sign-in
  help             show this help

Options for serve, migrate, seed, staff and audit-ledger (override the environment variables):
  --port <n>       PORT       (default 3000)
  --host <addr>    HOST       (default 127.0.0.1)
  --data-dir <p>   DATA_DIR   (default ./data; ignored when DATABASE_URL is set)

Environment: PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL, KEZEK_NOW, KEZEK_DEMO, BODY_LIMIT_BYTES (see README).
Exit codes: 0 success (verify: verified; audit-ledger: no findings), 1 failure, a receipt that does not verify,
a ledger finding or invalid configuration, 2 usage error or malformed scenario.`;
