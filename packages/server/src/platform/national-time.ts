/** Kazakhstan's national time: UTC+5 since 2024-03-01 00:00 local; UTC+6 before (Government decree of 2024). */
const SWITCH = Date.UTC(2024, 1, 29, 18, 0, 0); // 2024-03-01T00:00+06:00

export function nationalOffsetMinutes(at: Date): number {
  return at.getTime() < SWITCH ? 360 : 300;
}

/** ISO 8601 in national time with its offset, e.g. 2026-03-02T10:00:00+05:00. */
export function formatNational(at: Date): string {
  const offset = nationalOffsetMinutes(at);
  const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}+${String(offset / 60).padStart(2, '0')}:00`;
}

/**
 * The runtime's tzdata may predate the 2024 change (it would say +06:00 for Asia/Almaty);
 * Kezek never relies on it, but says so at start so an operator is not surprised by other tools.
 */
export function runtimeAlmatyOffset(at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Almaty', timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? 'unknown';
}
