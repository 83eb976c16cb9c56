/**
 * NCALayer, the National Certification Authority's signing application on the user's computer: the page talks to
 * it over a local WebSocket. On connecting NCALayer sends its version (`{ "result": { "version": "1.4" } }`); a
 * request names a module, a method and its arguments; the `kz.gov.pki.knca.commonUtils` module answers
 * `{ "code": "200", "responseObject": … }` or `{ "code": "500", "message": … }`. The keys never leave the computer.
 */
export const NCALAYER_URL = 'wss://127.0.0.1:13579';

/** The key of the certificate to sign with: sign-in uses the authentication key, documents the signing key. */
export type NcaKeyType = 'AUTHENTICATION' | 'SIGNATURE';

export type NcaLayerFailure = 'unavailable' | 'cancelled' | 'refused' | 'timeout';

/** Why NCALayer gave no signature, as the page must explain it to the user. */
export class NcaLayerError extends Error {
  constructor(
    readonly failure: NcaLayerFailure,
    message: string,
  ) {
    super(message);
    this.name = 'NcaLayerError';
  }
}

/** The part of the browser's WebSocket this client uses (a test passes its own). */
export type SocketLike = {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  send: (data: string) => void;
  close: () => void;
};

export type NcaLayerOptions = {
  url?: string;
  /** The user chooses a key file (PKCS12) or a token in NCALayer's own window. */
  storageType?: string;
  /** A signature waits on the user (choosing the key, typing its password): minutes, not seconds. */
  timeoutMs?: number;
  openSocket?: (url: string) => SocketLike;
};

/** UTF-8 bytes of the text in base64, the form createCAdESFromBase64 signs. */
export function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

type Reply = { result?: { version?: unknown }; code?: unknown; message?: unknown; responseObject?: unknown };

const parse = (data: unknown): Reply | undefined => {
  if (typeof data !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(data);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Signs `text` with NCALayer: a detached CAdES (CMS) signature in base64, as the server's NCA verifier expects.
 * Rejects with NcaLayerError: `unavailable` (not installed or not running), `cancelled` (the user closed the key
 * window), `refused` (NCALayer answered an error), `timeout`.
 */
export function signWithNcaLayer(
  text: string,
  keyType: NcaKeyType,
  options: NcaLayerOptions = {},
): Promise<string> {
  const open =
    options.openSocket ?? ((url: string): SocketLike => new WebSocket(url) as unknown as SocketLike);
  return new Promise((resolve, reject) => {
    let socket: SocketLike;
    try {
      socket = open(options.url ?? NCALAYER_URL);
    } catch {
      reject(new NcaLayerError('unavailable', 'NCALayer could not be reached'));
      return;
    }
    let settled = false;
    let greeted = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.onclose = null;
      socket.close();
      outcome();
    };
    const fail = (failure: NcaLayerFailure, message: string) =>
      finish(() => reject(new NcaLayerError(failure, message)));
    const timer = setTimeout(
      () => fail('timeout', 'NCALayer did not answer in time'),
      options.timeoutMs ?? 300_000,
    );

    socket.onerror = () => fail('unavailable', 'NCALayer is not running on this computer');
    socket.onclose = () => fail(greeted ? 'refused' : 'unavailable', 'NCALayer closed the connection');
    socket.onmessage = (event) => {
      const reply = parse(event.data);
      if (!greeted) {
        if (reply?.result?.version === undefined) {
          fail('unavailable', 'The program on the NCALayer port did not introduce itself');
          return;
        }
        greeted = true;
        socket.send(
          JSON.stringify({
            module: 'kz.gov.pki.knca.commonUtils',
            method: 'createCAdESFromBase64',
            args: [options.storageType ?? 'PKCS12', keyType, utf8Base64(text), false],
          }),
        );
        return;
      }
      const message = typeof reply?.message === 'string' ? reply.message : '';
      if (reply?.code === '200' && typeof reply.responseObject === 'string' && reply.responseObject !== '') {
        const signature = reply.responseObject;
        finish(() => resolve(signature));
      } else if (reply?.code === '200' || /cancel/i.test(message))
        fail('cancelled', 'The signing was cancelled');
      else fail('refused', message === '' ? 'NCALayer refused to sign' : message);
    };
  });
}
