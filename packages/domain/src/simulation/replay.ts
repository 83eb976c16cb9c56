import { formatInstant, instantFromEpochMs } from '../time/instant';
import { applyScenarioAction } from './apply-event';
import { runJobsUntil } from './jobs';
import { renderState, type StateView } from './render-state';
import type { ScenarioEvent } from './scenario-event';
import { createWorld, type World } from './world';

export type EventResult = {
  readonly line: number;
  readonly do: string;
  readonly ok: boolean;
  readonly code?: string;
  readonly rule?: string;
  readonly message?: string;
};

export type ReplayOutput = {
  readonly events: readonly EventResult[];
  readonly snapshots: ReadonlyArray<{
    readonly label: string;
    readonly at: string;
    readonly state: StateView;
  }>;
  readonly final: { readonly at: string | null; readonly state: StateView };
};

/**
 * Runs a scenario (scenario-format.md): before each event every job due at or before its time runs in time
 * order; the event is applied; a refusal is recorded as its outcome. No job runs after the last event.
 * The world is returned too, for what the output format does not show (units, bulletins).
 */
export function simulate(events: readonly ScenarioEvent[]): {
  readonly output: ReplayOutput;
  readonly world: World;
} {
  const [first] = events;
  // The clock starts just before the first event, so a job due at its very instant still runs before it.
  const world = createWorld(instantFromEpochMs((first?.at ?? 0) - 1));
  const results: EventResult[] = [];
  const snapshots: Array<ReplayOutput['snapshots'][number]> = [];
  for (const event of events) {
    runJobsUntil(world, event.at);
    world.now = event.at;
    const refused = applyScenarioAction(world, event);
    results.push(
      refused
        ? { line: event.line, do: event.do, ok: false, ...refused }
        : { line: event.line, do: event.do, ok: true },
    );
    if (event.do === 'snapshot')
      snapshots.push({ label: event.label, at: formatInstant(event.at), state: renderState(world) });
  }
  return {
    output: {
      events: results,
      snapshots,
      final: { at: first === undefined ? null : formatInstant(world.now), state: renderState(world) },
    },
    world,
  };
}

export const replay = (events: readonly ScenarioEvent[]): ReplayOutput => simulate(events).output;
