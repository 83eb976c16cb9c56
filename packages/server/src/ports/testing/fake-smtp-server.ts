import net from 'node:net';
import tls from 'node:tls';

/**
 * Test-only self-signed certificate for "localhost" (P-256, valid until 2126), so the STARTTLS path is
 * exercised without generating keys at test time. It protects nothing.
 */
export const TEST_TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg/zQesykJcfnoX0BC
Nfe9NHOHdpKl04AhVTpHE33TNgChRANCAAT4LrcQY1gnM8sLGHpo6baaMQHepPTj
DDRdXL1gfiAeNCQFx00ebcKeYBkVH6D4kkwtD17tOOh9a+9lxg1QjThT
-----END PRIVATE KEY-----
`;
export const TEST_TLS_CERT = `-----BEGIN CERTIFICATE-----
MIIBmzCCAUGgAwIBAgIUcSdj01l7FgKtwGlClghMtf0XVVkwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyMzE3NDM1MFoYDzIxMjYxMDMw
MTc0MzUwWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAT4LrcQY1gnM8sLGHpo6baaMQHepPTjDDRdXL1gfiAeNCQFx00ebcKe
YBkVH6D4kkwtD17tOOh9a+9lxg1QjThTo28wbTAdBgNVHQ4EFgQUvo233i2AxS+U
YhkrSgquwJGoOrYwHwYDVR0jBBgwFoAUvo233i2AxS+UYhkrSgquwJGoOrYwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDSAAwRQIhAIVaP71OnmHrXUKV7fzfhHY0hI+zWzhy9szJJR2S2NHtAiAf
a4l1kLtM7gKN2YOIZbUVM6bI25M+z3PnoWDuN1X9rg==
-----END CERTIFICATE-----
`;

export type FakeSmtpOptions = {
  startTls?: boolean;
  eightBitMime?: boolean;
  /** Reply to RCPT TO, e.g. '450 mailbox busy' or '550 no such user'; default '250 OK'. */
  rcptReply?: string;
};

export type ReceivedMail = {
  tls: boolean;
  auth: string | undefined;
  mailFrom: string;
  rcptTo: string[];
  /** The DATA section as received on the wire (still dot-stuffed), without the final ".". */
  rawData: string;
};

/** A tiny SMTP server: enough of RFC 5321/3207/4954 to check what the client sends. */
export async function startFakeSmtpServer(options: FakeSmtpOptions = {}) {
  const received: ReceivedMail[] = [];
  const commands: string[] = [];
  const serve = (socket: net.Socket, secure: boolean, mail: ReceivedMail): void => {
    let buffer = '';
    let inData = false;
    const send = (line: string) => socket.write(`${line}\r\n`);
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mail.rawData = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push({ ...mail });
          send('250 2.0.0 OK queued');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        commands.push(line);
        const verb = line.split(' ')[0]?.toUpperCase();
        if (verb === 'EHLO') {
          const lines = [
            'fake.smtp greets you',
            ...(options.startTls && !secure ? ['STARTTLS'] : []),
            ...(options.eightBitMime ? ['8BITMIME'] : []),
            'AUTH PLAIN',
          ];
          lines.forEach((text, i) => send(`250${i === lines.length - 1 ? ' ' : '-'}${text}`));
        } else if (verb === 'STARTTLS') {
          send('220 2.0.0 go ahead');
          socket.off('data', onData);
          const secureSocket = new tls.TLSSocket(socket, {
            isServer: true,
            key: TEST_TLS_KEY,
            cert: TEST_TLS_CERT,
          });
          serve(secureSocket, true, { ...mail, tls: true });
          return;
        } else if (verb === 'AUTH') {
          mail.auth = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8');
          send('235 2.7.0 authenticated');
        } else if (verb === 'MAIL') {
          mail.mailFrom = line;
          send('250 OK');
        } else if (verb === 'RCPT') {
          mail.rcptTo.push(line);
          send(options.rcptReply ?? '250 OK');
        } else if (verb === 'DATA') {
          inData = true;
          send('354 end with .');
        } else if (verb === 'QUIT') {
          send('221 bye');
          socket.end();
        } else send('502 unknown command');
      }
    };
    socket.on('data', onData);
    socket.on('error', () => undefined);
  };
  const server = net.createServer((socket) => {
    socket.write('220 fake.smtp ESMTP\r\n');
    serve(socket, false, { tls: false, auth: undefined, mailFrom: '', rcptTo: [], rawData: '' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    received,
    commands,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
