import { err, ok, type Result } from '../time/result';

/**
 * R-QUEUE-07 disorder types of the special queues (§13 ¶2–3): visual, hearing, severe speech,
 * musculoskeletal, intellectual impairments, delayed mental development, and the combined groups.
 */
export const DISORDERS = [
  'visual',
  'hearing',
  'speech',
  'musculoskeletal',
  'intellectual',
  'mentalDelay',
  'combined',
] as const;

export type Disorder = (typeof DISORDERS)[number];

/** R-QUEUE-02..04, R-QUEUE-07: the queue within a settlement and birth year. */
export type QueueKind = 'general' | `special:${string}` | `sanatorium:${string}`;

/** R-ELIG-04, R-QUEUE-06: limits count per family, whatever the disorder or profile. */
export type QueueFamily = 'general' | 'special' | 'sanatorium';

// R-QUEUE-04 (Chosen): sanatorium profiles are regional reference data, so any lowerCamel code is a profile.
const PROFILE_PATTERN = /^[a-z][a-zA-Z0-9]*$/;

const isDisorder = (text: string): text is Disorder => DISORDERS.some((disorder) => disorder === text);

/** Validates a queue kind from untrusted input: `general`, `special:<disorder>` or `sanatorium:<profile>`. */
export function parseQueueKind(text: string): Result<QueueKind> {
  if (text === 'general') return ok<QueueKind>('general');
  const [family, detail, ...rest] = text.split(':');
  if (rest.length === 0 && detail !== undefined) {
    if (family === 'special')
      return isDisorder(detail)
        ? ok<QueueKind>(`special:${detail}`)
        : err(`"${detail}" is not a disorder type; expected one of ${DISORDERS.join(', ')}`);
    if (family === 'sanatorium')
      return PROFILE_PATTERN.test(detail)
        ? ok<QueueKind>(`sanatorium:${detail}`)
        : err(`"${detail}" is not a sanatorium profile code (lowerCamel letters and digits)`);
  }
  return err(`"${text}" is not a queue kind; expected general, special:<disorder> or sanatorium:<profile>`);
}

export const queueFamily = (kind: QueueKind): QueueFamily =>
  kind === 'general' ? 'general' : kind.startsWith('special:') ? 'special' : 'sanatorium';

/** R-QUEUE-07: `<settlementKATO>/<birthYear>/<queue>`, e.g. `751110000/2022/general`. */
export const queueKey = (settlement: string, birthYear: number, kind: QueueKind): string =>
  `${settlement}/${birthYear}/${kind}`;

export type QueueKeyParts = {
  readonly settlement: string;
  readonly birthYear: number;
  readonly kind: QueueKind;
};

const QUEUE_KEY_PATTERN = /^([^/]+)\/(\d{4})\/([^/]+)$/;

/** The inverse of queueKey, for keys from untrusted input (URLs, scenario files). */
export function parseQueueKey(text: string): Result<QueueKeyParts> {
  const match = QUEUE_KEY_PATTERN.exec(text);
  if (!match?.[1] || !match[2] || !match[3])
    return err(`"${text}" is not a queue key of the form <settlement>/<birthYear>/<queue>`);
  const kind = parseQueueKind(match[3]);
  return kind.ok ? ok({ settlement: match[1], birthYear: Number(match[2]), kind: kind.value }) : kind;
}
