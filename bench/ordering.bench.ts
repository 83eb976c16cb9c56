import {
  createQueueIndex,
  DEFAULT_POLICY,
  instant,
  instantFromEpochMs,
  orderQueue,
  seededRandom,
  type Group,
  type QueueMember,
} from '@kezek/domain';
import { median, round } from './support/stats';

export const description =
  'orderQueue on 1,000,000 applications vs Array.prototype.sort of their numeric keys; QueueIndex insert/withdraw at 300,000';

const FULL_SIZE = 1_000_000;
const INCREMENTAL_SIZE = 300_000;
const RUNS = 7;
const INCREMENTAL_OPS = 2_000;
const RATIO_TARGET = 1.5;
const FIVE_YEARS_MS = 5 * 365 * 86_400_000;
const START_MS = instant('2021-01-01T00:00').valueOf();

/**
 * ≈3% out-of-turn, ≈15% first-priority, the rest general; submissions over 5 years at whole seconds, and
 * one in fifty sharing the previous application's instant (batches registered by an office clerk).
 */
function makeMembers(count: number, seed: number): QueueMember[] {
  const next = seededRandom(seed);
  const members: QueueMember[] = [];
  let previousMs = START_MS;
  for (let i = 0; i < count; i++) {
    const roll = next();
    const group: Group = roll < 0.03 ? 'O' : roll < 0.18 ? 'P' : 'G';
    const ms = next() < 0.02 ? previousMs : START_MS + Math.floor((next() * FIVE_YEARS_MS) / 1000) * 1000;
    previousMs = ms;
    members.push({ id: `a${i}`, group, submittedAt: instantFromEpochMs(ms), registrationSeq: i + 1 });
  }
  return members;
}

function timeMs(task: () => unknown): number {
  const started = performance.now();
  task();
  return performance.now() - started;
}

function fullRebuild(members: readonly QueueMember[]) {
  const options = { ...DEFAULT_POLICY, gSinceP: 1 };
  const keys = members.map((m) => m.submittedAt);
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < RUNS + 2; run++) {
    const oursMs = timeMs(() => orderQueue(members, options));
    const baselineMs = timeMs(() => keys.slice().sort((a, b) => a - b));
    // The first two runs warm the JIT up and are not counted.
    if (run >= 2) {
      ours.push(oursMs);
      baseline.push(baselineMs);
    }
    process.stderr.write(
      `run ${run + 1}: orderQueue ${oursMs.toFixed(1)} ms, sort ${baselineMs.toFixed(1)} ms\n`,
    );
  }
  return { ms: median(ours), baselineMs: median(baseline) };
}

function incremental(members: readonly QueueMember[]) {
  const index = createQueueIndex(DEFAULT_POLICY, members.slice(0, INCREMENTAL_SIZE));
  const arrivals = members.slice(INCREMENTAL_SIZE, INCREMENTAL_SIZE + INCREMENTAL_OPS);
  const insertMs = timeMs(() => arrivals.forEach((member) => index.insert(member)));
  const positionMs = timeMs(() => arrivals.forEach((member) => index.positionOf(member.id)));
  const withdrawMs = timeMs(() => arrivals.forEach((member) => index.remove(member.id)));
  const orderedMs = timeMs(() => index.ordered());
  const perOpUs = (ms: number) => round((ms * 1000) / INCREMENTAL_OPS, 2);
  return {
    insertUs: perOpUs(insertMs),
    withdrawUs: perOpUs(withdrawMs),
    positionOfUs: perOpUs(positionMs),
    orderedMs: round(orderedMs, 1),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  process.stderr.write(`generating ${FULL_SIZE} applications\n`);
  const members = makeMembers(FULL_SIZE, 254);
  const full = fullRebuild(members);
  const ratio = round(full.ms / full.baselineMs, 2);
  process.stderr.write(
    `median: orderQueue ${full.ms.toFixed(1)} ms, sort ${full.baselineMs.toFixed(1)} ms\n`,
  );
  const atScale = incremental(members);
  process.stderr.write(`at ${INCREMENTAL_SIZE}: ${JSON.stringify(atScale)}\n`);
  return Promise.resolve({
    size: FULL_SIZE,
    ms: round(full.ms, 1),
    baselineMs: round(full.baselineMs, 1),
    ratio,
    incremental: { size: INCREMENTAL_SIZE, ops: INCREMENTAL_OPS, ...atScale },
    targets: { ratio: RATIO_TARGET },
    met: ratio <= RATIO_TARGET,
  });
}
