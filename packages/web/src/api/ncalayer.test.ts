import { describe, expect, it } from 'vitest';
import { NcaLayerError, signWithNcaLayer, utf8Base64, type SocketLike } from './ncalayer';

/**
 * A stand-in for NCALayer's socket: greets like NCALayer 1.4 (or with `greeting`; none when it is undefined) and
 * answers each request with `reply` (none when it returns undefined).
 */
class FakeNcaLayer implements SocketLike {
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onerror: SocketLike['onerror'] = null;
  onclose: SocketLike['onclose'] = null;
  readonly sent: unknown[] = [];
  closed = false;

  constructor(
    private readonly reply: (request: unknown) => unknown,
    greeting: unknown = { result: { version: '1.4' } },
  ) {
    if (greeting !== undefined) queueMicrotask(() => this.onmessage?.({ data: JSON.stringify(greeting) }));
  }

  send(data: string): void {
    const request: unknown = JSON.parse(data);
    this.sent.push(request);
    const answer = this.reply(request);
    if (answer !== undefined) queueMicrotask(() => this.onmessage?.({ data: JSON.stringify(answer) }));
  }

  close(): void {
    this.closed = true;
  }
}

const failureOf = async (promise: Promise<string>): Promise<string> => {
  try {
    await promise;
    return 'signed';
  } catch (error) {
    return error instanceof NcaLayerError ? error.failure : String(error);
  }
};

describe('NCALayer client', () => {
  it('asks createCAdESFromBase64 of commonUtils for a detached signature of the UTF-8 text, and closes', async () => {
    let socket: FakeNcaLayer | undefined;
    const signature = await signWithNcaLayer('Кезек: кіру 2026', 'AUTHENTICATION', {
      openSocket: () => (socket = new FakeNcaLayer(() => ({ code: '200', responseObject: 'MIAGCSqG' }))),
    });
    expect(signature).toBe('MIAGCSqG');
    expect(socket?.sent).toEqual([
      {
        module: 'kz.gov.pki.knca.commonUtils',
        method: 'createCAdESFromBase64',
        args: ['PKCS12', 'AUTHENTICATION', utf8Base64('Кезек: кіру 2026'), false],
      },
    ]);
    expect(socket?.closed).toBe(true);
    expect(atob(utf8Base64('әі'))).toBe('\u00d3\u0099\u00d1\u0096');
  });

  it('tells a cancelled key window from an error, a silent port and a missing NCALayer', async () => {
    const answering = (reply: unknown) => ({ openSocket: () => new FakeNcaLayer(() => reply) });
    expect(
      await failureOf(
        signWithNcaLayer('x', 'SIGNATURE', answering({ code: '500', message: 'action.canceled' })),
      ),
    ).toBe('cancelled');
    expect(
      await failureOf(signWithNcaLayer('x', 'SIGNATURE', answering({ code: '500', message: 'key expired' }))),
    ).toBe('refused');
    expect(
      await failureOf(
        signWithNcaLayer('x', 'SIGNATURE', {
          openSocket: () => new FakeNcaLayer(() => ({}), { hello: 'world' }),
        }),
      ),
    ).toBe('unavailable');
    const unreachable = {
      openSocket: (): SocketLike => {
        const socket = new FakeNcaLayer(() => undefined, undefined);
        queueMicrotask(() => socket.onerror?.({}));
        return socket;
      },
    };
    expect(await failureOf(signWithNcaLayer('x', 'SIGNATURE', unreachable))).toBe('unavailable');
    const silent = { timeoutMs: 10, openSocket: () => new FakeNcaLayer(() => undefined) };
    expect(await failureOf(signWithNcaLayer('x', 'SIGNATURE', silent))).toBe('timeout');
  });
});
