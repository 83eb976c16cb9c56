import { describe, expect, it } from 'vitest';
import { parseQueueKey, parseQueueKind, queueFamily, queueKey } from './queue-kind';

describe('queue kinds and keys (R-QUEUE)', () => {
  it.each([
    ['general', 'general'],
    ['special:visual', 'special'],
    ['special:hearing', 'special'],
    ['special:speech', 'special'],
    ['special:musculoskeletal', 'special'],
    ['special:intellectual', 'special'],
    ['special:mentalDelay', 'special'],
    ['special:combined', 'special'],
    ['sanatorium:tuberculosis', 'sanatorium'],
    ['sanatorium:respiratory2', 'sanatorium'],
  ])('R-QUEUE-02/03/04/07: %s is a %s queue', (text, family) => {
    const parsed = parseQueueKind(text);
    expect(parsed).toEqual({ ok: true, value: text });
    if (parsed.ok) expect(queueFamily(parsed.value)).toBe(family);
  });

  it.each([
    ['special:blind', 'not a disorder type'],
    ['special:', 'not a disorder type'],
    ['sanatorium:Tuberculosis', 'not a sanatorium profile'],
    ['sanatorium:tb-1', 'not a sanatorium profile'],
    ['general:x', 'not a queue kind'],
    ['special:visual:x', 'not a queue kind'],
    ['sanatorium', 'not a queue kind'],
    ['', 'not a queue kind'],
  ])('R-QUEUE-07: rejects %j', (text, message) => {
    const parsed = parseQueueKind(text);
    expect(!parsed.ok && parsed.error).toContain(message);
  });

  it('R-QUEUE-07: the key is <settlementKATO>/<birthYear>/<queue>', () => {
    expect(queueKey('751110000', 2022, 'general')).toBe('751110000/2022/general');
    expect(queueKey('751110000', 2021, 'special:speech')).toBe('751110000/2021/special:speech');
  });

  it('R-QUEUE-07: parseQueueKey inverts queueKey and validates the kind', () => {
    expect(parseQueueKey('751110000/2022/sanatorium:tuberculosis')).toEqual({
      ok: true,
      value: { settlement: '751110000', birthYear: 2022, kind: 'sanatorium:tuberculosis' },
    });
    expect(parseQueueKey('751110000/2022/special:blind').ok).toBe(false);
    expect(parseQueueKey('751110000/22/general').ok).toBe(false);
    expect(parseQueueKey('751110000/2022').ok).toBe(false);
  });
});
