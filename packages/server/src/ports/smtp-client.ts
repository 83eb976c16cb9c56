import { randomUUID } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { err, ok, type Result } from '@kezek/domain';
import { portError, type PortError } from './port-error';

/**
 * A minimal SMTP submission client (RFC 5321) for plain-text notifications: EHLO, STARTTLS (RFC 3207),
 * AUTH PLAIN (RFC 4954), one recipient, 8BITMIME when offered and base64 otherwise.
 */
export type SmtpConfig = {
  /** smtp://[user:password@]host[:587] (STARTTLS when offered) or smtps://…[:465] (TLS from the start). */
  url: string;
  from: string;
  timeoutMs: number;
  /** Name announced in EHLO; default 'localhost'. */
  heloName?: string;
  /** Extra TLS options (a private CA, for instance). */
  tls?: tls.ConnectionOptions;
};

export type Mail = { to: string; subject: string; text: string; date: Date };

type Reply = { code: number; lines: string[] };

class SmtpReplyError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads CRLF-terminated replies, multi-line ones (`250-…` … `250 …`) joined. */
class ReplyReader {
  private buffer = '';
  private readonly lines: string[] = [];
  private wake: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(private readonly socket: net.Socket) {
    socket.on('data', this.onData);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
  }

  detach(): void {
    this.socket.off('data', this.onData);
    this.socket.off('error', this.onError);
    this.socket.off('close', this.onClose);
  }

  async reply(): Promise<Reply> {
    const lines: string[] = [];
    for (;;) {
      const line = await this.line();
      const match = /^(\d{3})([ -]?)(.*)$/.exec(line);
      if (match === null) throw new SmtpReplyError(0, `SMTP: unreadable reply "${line}"`);
      lines.push(match[3] ?? '');
      if (match[2] !== '-') return { code: Number(match[1]), lines };
    }
  }

  private async line(): Promise<string> {
    for (;;) {
      const next = this.lines.shift();
      if (next !== undefined) return next;
      if (this.failure !== undefined) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private readonly onData = (chunk: Buffer): void => {
    this.buffer += chunk.toString('utf8');
    const parts = this.buffer.split('\r\n');
    this.buffer = parts.pop() ?? '';
    this.lines.push(...parts);
    this.notify();
  };
  private readonly onError = (error: Error): void => {
    this.failure ??= error;
    this.notify();
  };
  private readonly onClose = (): void => {
    this.failure ??= new Error('SMTP: connection closed by the server');
    this.notify();
  };
  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

const ADDRESS = /^[^\s<>@,;"]+@[^\s<>@,;"]+\.[^\s<>@,;"]+$/;

export const isEmailAddress = (text: string): boolean => ADDRESS.test(text);

/** RFC 2047 encoded words of at most 39 bytes (52 in base64), so a folded line stays under 78 characters; no character is cut. */
function encodeHeader(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  const words: string[] = [];
  let chunk = '';
  for (const character of clean) {
    if (Buffer.byteLength(chunk + character) > 39) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`).join('\r\n ');
}

/** RFC 5321 §4.5.2: a line starting with "." gets another, so only the final "." ends the data. */
export const dotStuff = (lines: readonly string[]): string[] =>
  lines.map((line) => (line.startsWith('.') ? `.${line}` : line));

function composeMessage(
  config: SmtpConfig,
  mail: Mail,
  eightBit: boolean,
): { messageId: string; lines: string[] } {
  const messageId = `${randomUUID()}@${config.from.split('@')[1] ?? 'localhost'}`;
  const bodyLines = mail.text.replace(/\r\n?/g, '\n').split('\n');
  // 8bit keeps the text readable in the raw message; RFC 5322 caps a line at 998 octets.
  const useEightBit = eightBit && bodyLines.every((line) => Buffer.byteLength(line) <= 998);
  const body = useEightBit
    ? bodyLines
    : (Buffer.from(bodyLines.join('\r\n'))
        .toString('base64')
        .match(/.{1,76}/g) ?? []);
  const lines = [
    `From: ${config.from}`,
    `To: ${mail.to}`,
    `Subject: ${encodeHeader(mail.subject)}`,
    `Date: ${mail.date.toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${messageId}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${useEightBit ? '8bit' : 'base64'}`,
    '',
    ...body,
  ];
  return { messageId, lines };
}

type Session = { socket: net.Socket; reader: ReplyReader };

function connect(url: URL, config: SmtpConfig): Promise<Session> {
  const implicitTls = url.protocol === 'smtps:';
  const host = url.hostname;
  const port = Number(url.port || (implicitTls ? 465 : 587));
  return new Promise((resolve, reject) => {
    const socket = implicitTls
      ? tls.connect({ host, port, servername: host, ...config.tls }, () => resolve(session))
      : net.connect({ host, port }, () => resolve(session));
    socket.setTimeout(config.timeoutMs, () => socket.destroy(new Error('SMTP: timed out')));
    socket.once('error', reject);
    const session: Session = { socket, reader: new ReplyReader(socket) };
  });
}

function upgrade(session: Session, host: string, config: SmtpConfig): Promise<Session> {
  session.reader.detach();
  return new Promise((resolve, reject) => {
    const secure = tls.connect({ socket: session.socket, servername: host, ...config.tls }, () =>
      resolve(next),
    );
    secure.setTimeout(config.timeoutMs, () => secure.destroy(new Error('SMTP: timed out')));
    secure.once('error', reject);
    const next: Session = { socket: secure, reader: new ReplyReader(secure) };
  });
}

async function command(
  session: Session,
  line: string | undefined,
  expect: readonly number[],
): Promise<Reply> {
  if (line !== undefined) session.socket.write(`${line}\r\n`);
  const reply = await session.reader.reply();
  if (!expect.includes(reply.code)) {
    const shown = line?.startsWith('AUTH') ? 'AUTH PLAIN …' : (line ?? 'greeting');
    throw new SmtpReplyError(reply.code, `SMTP: ${shown} → ${reply.code} ${reply.lines.join(' ')}`);
  }
  return reply;
}

const extensionsOf = (reply: Reply): Set<string> =>
  new Set(reply.lines.slice(1).map((line) => line.toUpperCase()));

/** Sends one message; 4xx replies and connection trouble are retryable, 5xx replies are not. */
export async function sendMail(
  config: SmtpConfig,
  mail: Mail,
): Promise<Result<{ messageId: string }, PortError>> {
  if (!isEmailAddress(mail.to))
    return err(portError('INVALID_INPUT', `"${mail.to}" is not an e-mail address`));
  const url = new URL(config.url);
  let session: Session | undefined;
  try {
    session = await connect(url, config);
    await command(session, undefined, [220]);
    const helo = `EHLO ${config.heloName ?? 'localhost'}`;
    let extensions = extensionsOf(await command(session, helo, [250]));
    let secure = url.protocol === 'smtps:';
    if (!secure && extensions.has('STARTTLS')) {
      await command(session, 'STARTTLS', [220]);
      session = await upgrade(session, url.hostname, config);
      secure = true;
      extensions = extensionsOf(await command(session, helo, [250]));
    }
    if (url.username !== '') {
      // Credentials never cross the network in clear text.
      if (!secure)
        return err(portError('REJECTED', 'SMTP: server offers no TLS; refusing to send credentials'));
      const credentials = `\0${decodeURIComponent(url.username)}\0${decodeURIComponent(url.password)}`;
      await command(session, `AUTH PLAIN ${Buffer.from(credentials).toString('base64')}`, [235]);
    }
    const eightBit = extensions.has('8BITMIME');
    await command(session, `MAIL FROM:<${config.from}>${eightBit ? ' BODY=8BITMIME' : ''}`, [250]);
    await command(session, `RCPT TO:<${mail.to}>`, [250, 251]);
    await command(session, 'DATA', [354]);
    const message = composeMessage(config, mail, eightBit);
    await command(session, `${dotStuff(message.lines).join('\r\n')}\r\n.`, [250]);
    session.socket.write('QUIT\r\n');
    return ok({ messageId: message.messageId });
  } catch (error) {
    if (error instanceof SmtpReplyError && error.code >= 500)
      return err(portError('REJECTED', error.message));
    return err(portError('UNAVAILABLE', error instanceof Error ? error.message : String(error)));
  } finally {
    session?.socket.end();
  }
}
