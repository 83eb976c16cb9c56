import type { Locator, Page } from 'playwright-core';

export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export const equal = <T>(actual: T, expected: T, what: string): void => {
  check(
    Object.is(actual, expected),
    `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
  );
};

/** Polls until `read` returns a value accepted by `accept`; fails with the last value seen. */
export const eventually = async <T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new AssertionError(`${what}: last value ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export const textOf = async (locator: Locator): Promise<string> =>
  ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

export const urlOf = (page: Page): URL => new URL(page.url());
