import { createHash } from 'node:crypto';
import type { Logger } from '../platform/logger';
import { portError, type PortError } from './port-error';

/** How a development adapter imitates a real system: latency and transient failures, reproducibly. */
export type DevSimulationOptions = {
  /** Inclusive range of simulated latency; default 20–80 ms. */
  latencyMs?: readonly [number, number];
  /** Share of calls (0–1) that fail as "temporarily unavailable"; default 0. */
  failureRate?: number;
  /** Seed of the pseudo-random source, so a run's failures repeat exactly. */
  seed?: string;
  sleep?: (ms: number) => Promise<void>;
};

/** Uniform [0, 1) from a seed (mulberry32): dev adapters must be reproducible, so no Math.random. */
export function seededRandom(seed: string): () => number {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export type DevSimulation = {
  /** Waits the simulated latency; returns the injected transient failure, if this call draws one. */
  call(): Promise<PortError | undefined>;
  random: () => number;
};

/**
 * Shared by every `Dev*` adapter. Logs once, at construction, that a development adapter is in use, so a
 * production deployment that forgot a URL is visible in the first lines of its log.
 */
export function devSimulation(adapter: string, options: DevSimulationOptions, log: Logger): DevSimulation {
  const [minMs, maxMs] = options.latencyMs ?? [20, 80];
  const failureRate = options.failureRate ?? 0;
  if (minMs < 0 || maxMs < minMs) throw new RangeError(`${adapter}: latency range ${minMs}–${maxMs} ms`);
  if (failureRate < 0 || failureRate > 1) throw new RangeError(`${adapter}: failure rate ${failureRate}`);
  const random = seededRandom(options.seed ?? adapter);
  const sleep = options.sleep ?? realSleep;
  log.warn('development adapter in use', { adapter });
  return {
    random,
    async call() {
      const latency = minMs + Math.floor(random() * (maxMs - minMs + 1));
      if (latency > 0) await sleep(latency);
      return random() < failureRate
        ? portError('UNAVAILABLE', `${adapter}: simulated transient failure`)
        : undefined;
    },
  };
}
