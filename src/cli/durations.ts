/**
 * The run durations of the `metacollect-mock` command: the flags that set them one by one, `--speed` (the defaults
 * divided by a factor) and the line the command prints about them.
 */
import { DEFAULT_SETTINGS, type MockSettings } from '../mock/index.js';

/** The mock settings that are durations (ms of mock time). */
export type DurationName =
  | 'dscRunDurationMs'
  | 'dataartsRunDurationMs'
  | 'dataworksQueueDelayMs'
  | 'dataworksRunDurationMs';

/** Command-line flag → the setting it sets. */
export const DURATION_FLAGS: Readonly<Record<string, DurationName>> = {
  'dsc-run-ms': 'dscRunDurationMs',
  'dataarts-run-ms': 'dataartsRunDurationMs',
  'dataworks-queue-ms': 'dataworksQueueDelayMs',
  'dataworks-run-ms': 'dataworksRunDurationMs',
};

/**
 * The duration settings to apply: with `speed`, every default divided by it (rounded to whole ms); then each
 * duration given one by one. Nothing given: an empty object (the mock keeps what it has, e.g. from a state file).
 */
export function durationSettings(
  speed: number | undefined,
  given: Partial<Record<DurationName, number>>,
): Partial<Pick<MockSettings, DurationName>> {
  const out: Partial<Pick<MockSettings, DurationName>> = {};
  if (speed !== undefined) {
    for (const name of Object.values(DURATION_FLAGS)) out[name] = Math.round(DEFAULT_SETTINGS[name] / speed);
  }
  return { ...out, ...given };
}

/** E.g. `DSC 0.5 s, DataArts 1 s, DataWorks 0.083 s queued + 1 s`. */
export function describeDurations(settings: Pick<MockSettings, DurationName>): string {
  const s = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;
  return `DSC ${s(settings.dscRunDurationMs)}, DataArts ${s(settings.dataartsRunDurationMs)}, DataWorks ${s(
    settings.dataworksQueueDelayMs,
  )} queued + ${s(settings.dataworksRunDurationMs)}`;
}
