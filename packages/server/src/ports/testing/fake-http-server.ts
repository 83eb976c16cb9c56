import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RecordedRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };
export type FakeResponse = { status?: number; json?: unknown; text?: string; delayMs?: number };

/** A local HTTP server for the real adapters' tests: records requests, answers what the test says. */
export async function startFakeHttpServer(answer: (request: RecordedRequest) => FakeResponse) {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const response = answer(request);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(response.status ?? 200, { 'content-type': 'application/json' });
        res.end(response.text ?? JSON.stringify(response.json ?? {}));
      }, response.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeHttpServer = Awaited<ReturnType<typeof startFakeHttpServer>>;
