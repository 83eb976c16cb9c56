import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECEIPT_FORMAT, type LedgerReceipt } from '@kezek/contracts';
import { canonicalJson, createMerkleLog, leafHash, signTreeHead } from '@kezek/domain';
import { receiptQrText } from '@kezek/server';
import { describe, expect, it } from 'vitest';
import { verifyCommand } from './verify';

const sha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** A log of five leaves signed with a fresh key, and the receipt of leaf 2 — as the server issues it. */
function issueReceipt(): LedgerReceipt {
  const { privateKey } = generateKeyPairSync('ed25519');
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const leaves = [0, 1, 2, 3, 4].map((n) => {
    const json = canonicalJson({
      log: 'applications',
      entity: `e${n}`,
      version: 1,
      state: { status: 'queued' },
    });
    if (!json.ok) throw new Error(json.error);
    return json.value;
  });
  const tree = createMerkleLog(sha256);
  for (const leaf of leaves) tree.append(new TextEncoder().encode(leaf));
  const head = signTreeHead(
    {
      logId: 'kezek/applications',
      treeSize: 5,
      rootHash: tree.root(),
      timestamp: Date.UTC(2026, 2, 2, 13, 5),
    },
    (message) => sign(null, message, privateKey),
  );
  const leaf = leaves[2] ?? '';
  const receipt = {
    format: RECEIPT_FORMAT,
    log: 'applications',
    leaf,
    leafHash: hex(leafHash(sha256, new TextEncoder().encode(leaf))),
    index: 2,
    head: {
      logId: head.logId,
      treeSize: head.treeSize,
      rootHash: hex(head.rootHash),
      timestamp: head.timestamp,
      signature: hex(head.signature),
      keyId: hex(sha256(spki)),
    },
    proof: tree.inclusionProof(2, 5).map(hex),
    publicKey: hex(spki.subarray(spki.length - 32)),
  } as const;
  return { ...receipt, qr: receiptQrText(receipt) };
}

function run(input: string, options: { online?: string; key?: string } = {}) {
  const out = { stdout: '', stderr: '' };
  const code = verifyCommand(
    input,
    { online: options.online, key: options.key },
    { stdout: (s) => (out.stdout += s), stderr: (s) => (out.stderr += s) },
  );
  return code.then((exit) => ({ exit, ...out }));
}

const dir = mkdtempSync(join(tmpdir(), 'kezek-verify-'));
const file = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};

describe('kezek verify', () => {
  const receipt = issueReceipt();

  it('R-SYS-08: a good receipt verifies offline (file, wrapped in an application receipt, QR text): exit 0', async () => {
    for (const input of [
      file('good.json', receipt),
      file('application.json', { id: 'x', number: '1', ledger: receipt }),
      receipt.qr,
    ]) {
      const result = await run(input);
      expect(result, input).toMatchObject({ exit: 0, stderr: '' });
      expect(result.stdout).toContain('VERIFIED: leaf');
    }
    expect(await run(receipt.qr, { key: receipt.publicKey })).toMatchObject({ exit: 0 });
  });

  it('R-SYS-08: an altered receipt does not verify: exit 1 with the reason', async () => {
    const altered = await run(file('altered.json', { ...receipt, leaf: receipt.leaf.replace('e2', 'e9') }));
    expect(altered).toMatchObject({ exit: 1, stdout: '' });
    expect(altered.stderr).toContain('NOT VERIFIED — the leaf does not match its leaf hash');
    const moved = await run(file('moved.json', { ...receipt, index: 1 }));
    expect(moved.stderr).toContain('inclusion proof does not lead to the signed root');
    const otherKey = await run(receipt.qr, { key: 'ab'.repeat(32) });
    expect(otherKey).toMatchObject({ exit: 1 });
    expect((await run('KZL1.bm90IGpzb24')).stderr).toContain('not a Kezek ledger receipt');
    expect((await run(join(dir, 'missing.json'))).stderr).toContain('cannot read');
  });

  it(
    'R-SYS-08: the kezek command exits 0 for a good receipt and 1 for an altered one',
    { timeout: 120_000 },
    () => {
      const kezek = (path: string) =>
        spawnSync(process.execPath, ['bin/kezek.js', 'verify', path], { encoding: 'utf8', timeout: 60_000 });
      expect(kezek(file('cli-good.json', receipt)).status).toBe(0);
      const bad = kezek(file('cli-bad.json', { ...receipt, proof: [] }));
      expect(bad.status).toBe(1);
      expect(bad.stderr).toContain('NOT VERIFIED');
    },
  );
});
