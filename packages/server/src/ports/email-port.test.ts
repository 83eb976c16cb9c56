import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../platform/clock';
import { createLogger } from '../platform/logger';
import { DevMailbox, SmtpMailer } from './email-port';
import { dotStuff } from './smtp-client';
import { startFakeSmtpServer, TEST_TLS_CERT } from './testing/fake-smtp-server';

const log = createLogger('silent');
const clock = manualClock(new Date('2026-03-02T05:00:00Z'));
const text = 'Өтініш №2026-751110-000001 кезекке қойылды.\n.Нүктеден басталатын жол\n..екі нүкте\nСоңы';
const subject = 'Кезек: өтінішіңіз кезекке қойылды — уведомление о постановке в очередь';

const unfold = (raw: string) => {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const body = rest.join('\r\n\r\n');
  return { head, body };
};
const decodeSubject = (head: string): string =>
  [...head.matchAll(/=\?UTF-8\?B\?([^?]+)\?=/g)]
    .map((m) => Buffer.from(m[1] ?? '', 'base64').toString('utf8'))
    .join('');
const unstuff = (body: string): string =>
  body
    .split('\r\n')
    .map((line) => (line.startsWith('..') ? line.slice(1) : line))
    .join('\n');

describe('SMTP dot-stuffing', () => {
  it('doubles a leading dot only', () => {
    expect(dotStuff(['.', '..x', 'a.b', ''])).toEqual(['..', '...x', 'a.b', '']);
  });
});

describe('SmtpMailer (against a local SMTP server)', () => {
  let plain: Awaited<ReturnType<typeof startFakeSmtpServer>>;
  let secure: Awaited<ReturnType<typeof startFakeSmtpServer>>;
  beforeAll(async () => {
    plain = await startFakeSmtpServer({ eightBitMime: true });
    secure = await startFakeSmtpServer({ startTls: true });
  });
  afterAll(async () => {
    await plain.close();
    await secure.close();
  });

  it('sends UTF-8 text as 8bit with dot-stuffing and an encoded subject', async () => {
    const mailer = new SmtpMailer(
      { url: `smtp://127.0.0.1:${plain.port}`, from: 'noreply@kezek.kz', timeoutMs: 2000 },
      clock,
    );
    const result = await mailer.send({ to: 'parent@example.kz', subject, text });
    expect(result.ok).toBe(true);
    const mail = plain.received.at(-1);
    expect(mail?.mailFrom).toBe('MAIL FROM:<noreply@kezek.kz> BODY=8BITMIME');
    expect(mail?.rcptTo).toEqual(['RCPT TO:<parent@example.kz>']);
    expect(mail?.tls).toBe(false);
    const { head, body } = unfold(mail?.rawData ?? '');
    expect(head).toContain('Content-Transfer-Encoding: 8bit');
    expect(head).toContain('Date: Mon, 02 Mar 2026 05:00:00 +0000');
    expect(head).toMatch(/^Message-ID: <[0-9a-f-]+@kezek\.kz>$/m);
    expect(head.split('\r\n').every((line) => line.length <= 78)).toBe(true);
    expect(decodeSubject(head)).toBe(subject);
    expect(body).toContain('\r\n..Нүктеден');
    expect(unstuff(body)).toBe(text);
  });

  it('upgrades with STARTTLS, authenticates with AUTH PLAIN and falls back to base64 without 8BITMIME', async () => {
    const mailer = new SmtpMailer(
      {
        url: `smtp://kezek%40kz:p%C3%A4ss@localhost:${secure.port}`,
        from: 'noreply@kezek.kz',
        timeoutMs: 2000,
        tls: { ca: TEST_TLS_CERT },
      },
      clock,
    );
    expect((await mailer.send({ to: 'parent@example.kz', subject: 'ASCII subject', text })).ok).toBe(true);
    const mail = secure.received.at(-1);
    expect(mail?.tls).toBe(true);
    expect(mail?.auth).toBe('\0kezek@kz\0päss');
    const { head, body } = unfold(mail?.rawData ?? '');
    expect(head).toContain('Subject: ASCII subject');
    expect(head).toContain('Content-Transfer-Encoding: base64');
    expect(Buffer.from(body.replaceAll('\r\n', ''), 'base64').toString('utf8')).toBe(
      text.replaceAll('\n', '\r\n'),
    );
    expect(secure.commands.filter((c) => c.startsWith('EHLO'))).toHaveLength(2);
  });

  it('refuses to send credentials over a connection without TLS', async () => {
    const mailer = new SmtpMailer(
      { url: `smtp://u:p@127.0.0.1:${plain.port}`, from: 'a@kezek.kz', timeoutMs: 2000 },
      clock,
    );
    const before = plain.commands.length;
    expect(await mailer.send({ to: 'parent@example.kz', subject: 's', text: 't' })).toMatchObject({
      ok: false,
      error: { code: 'REJECTED', retryable: false },
    });
    expect(plain.commands.slice(before).some((c) => c.startsWith('AUTH'))).toBe(false);
  });

  it('maps 4xx replies and a dead server as retryable, 5xx as permanent', async () => {
    const busy = await startFakeSmtpServer({ rcptReply: '450 4.2.1 mailbox busy' });
    const gone = await startFakeSmtpServer({ rcptReply: '550 5.1.1 no such user' });
    const mailer = (port: number) =>
      new SmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: 'a@kezek.kz', timeoutMs: 2000 }, clock);
    const message = { to: 'parent@example.kz', subject: 's', text: 't' };
    const busyResult = await mailer(busy.port).send(message);
    expect(busyResult).toMatchObject({ error: { code: 'UNAVAILABLE', retryable: true } });
    expect(!busyResult.ok && busyResult.error.message).toContain('450');
    expect(await mailer(gone.port).send(message)).toMatchObject({
      error: { code: 'REJECTED', retryable: false },
    });
    await busy.close();
    await gone.close();
    expect(await mailer(1).send(message)).toMatchObject({ error: { code: 'UNAVAILABLE', retryable: true } });
  });

  it('refuses an invalid address before connecting, including header injection', async () => {
    const mailer = new SmtpMailer({ url: 'smtp://127.0.0.1:1', from: 'a@kezek.kz', timeoutMs: 2000 }, clock);
    for (const to of ['not-an-address', 'a@b.kz\r\nBcc: x@y.kz'])
      expect(await mailer.send({ to, subject: 's', text: 't' })).toMatchObject({
        error: { code: 'INVALID_INPUT' },
      });
  });
});

describe('DevMailbox', () => {
  it('records messages, validates addresses and fails transiently when told to', async () => {
    const mailbox = new DevMailbox(clock, log, { latencyMs: [0, 0] });
    expect(await mailbox.send({ to: 'parent@example.kz', subject, text })).toEqual({
      ok: true,
      value: { messageId: 'dev-mail-1@kezek.localhost' },
    });
    expect(mailbox.sent).toMatchObject([{ to: 'parent@example.kz', subject, text, at: clock.now() }]);
    expect(await mailbox.send({ to: 'nobody', subject, text })).toMatchObject({
      error: { code: 'INVALID_INPUT' },
    });
    const flaky = new DevMailbox(clock, log, { latencyMs: [0, 0], failureRate: 1 });
    expect(await flaky.send({ to: 'parent@example.kz', subject, text })).toMatchObject({
      error: { retryable: true },
    });
  });
});
