import type { SignedHeads } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireStaff } from '../auth/authorize';
import type { LedgerDeps } from './ledger-deps';
import { signTreeHeads } from './sign-tree-heads';

/** Staff who may publish a head outside the daily schedule: the system operator and the regional administrator. */
export const HEAD_SIGNERS = ['operator', 'regionalAdmin'] as const;

/** POST /api/ledger/heads: sign a head of every log now (before an audit, after an incident). */
export async function signHeadsNow(deps: LedgerDeps, actor: Actor, now: Date): Promise<SignedHeads> {
  requireStaff(actor, HEAD_SIGNERS);
  return { heads: await signTreeHeads(deps, now) };
}
