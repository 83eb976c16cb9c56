import { canonicalJson, canonicalJsonBytes, leafHash } from '@kezek/domain';
import { z } from 'zod';
import type { LedgerLogName } from '@kezek/db';
import { sha256 } from '../../platform/sha256';

/**
 * One entity of a register as its log sees it: public fields (`state`, published in the leaf) and personal ones,
 * published only as `commitment = SHA-256(salt ‖ canonical JSON of the personal fields)` (docs/ledger.md).
 */
export type RegisterEntry = {
  entityId: string;
  version: number;
  state: Record<string, unknown>;
  personal: Record<string, unknown>;
  /**
   * Entities of other registers the same change may have changed too (a referral's application): each gets a
   * leaf as well when its row no longer matches its latest leaf.
   */
  related?: ReadonlyArray<{ entityType: string; entityId: string }>;
};

export const LEAF_FORMAT = 'kezek-leaf/1';

/** What a leaf says about the entity's current row; the auditor recomputes exactly this from the row. */
export type LeafSubject = {
  entity: string;
  version: number;
  state: Record<string, unknown>;
  commitment: string;
};

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

function canonical(value: unknown): string {
  const json = canonicalJson(value);
  // Register entries are built from database rows (strings, numbers, booleans, arrays, null): a failure is a bug.
  if (!json.ok) throw new TypeError(`register entry has no canonical JSON: ${json.error}`);
  return json.value;
}

export function commitmentOf(salt: string, personal: Record<string, unknown>): string {
  const body = canonicalJsonBytes(personal);
  if (!body.ok) throw new TypeError(`personal fields have no canonical JSON: ${body.error}`);
  return hex(sha256(Buffer.concat([Buffer.from(salt, 'hex'), body.value])));
}

export function subjectOf(entry: RegisterEntry, salt: string): LeafSubject {
  return {
    entity: entry.entityId,
    version: entry.version,
    state: entry.state,
    commitment: commitmentOf(salt, entry.personal),
  };
}

/** The canonical comparison form of a subject (key order and spacing do not matter). */
export const subjectKey = (subject: LeafSubject): string =>
  canonical({
    entity: subject.entity,
    version: subject.version,
    state: subject.state,
    commitment: subject.commitment,
  });

/** The leaf of one register event (creation or change): canonical JSON and its RFC 6962 §2.1 leaf hash. */
export function registerLeaf(
  log: LedgerLogName,
  subject: LeafSubject,
  event: { action: string; at: Date },
): { leaf: string; leafHash: string } {
  const leaf = canonical({
    format: LEAF_FORMAT,
    log,
    event: event.action,
    at: event.at.toISOString(),
    ...subject,
  });
  return { leaf, leafHash: hashLeaf(leaf) };
}

export const hashLeaf = (leaf: string): string => hex(leafHash(sha256, new TextEncoder().encode(leaf)));

const ZLeaf = z.object({
  log: z.string(),
  entity: z.string(),
  version: z.number().int(),
  state: z.record(z.string(), z.unknown()),
  commitment: z.string(),
});
export type ParsedLeaf = z.infer<typeof ZLeaf>;

/** A stored leaf read back; undefined when it is not a register leaf (altered, or not JSON). */
export function parseLeaf(text: string): ParsedLeaf | undefined {
  try {
    const parsed = ZLeaf.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
