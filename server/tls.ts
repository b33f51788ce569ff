/**
 * HTTPS served by the server itself: a wall TV opening the kiosk over plain HTTP on the plant
 * network is not a secure context, so it gets no service worker (no offline), no wake lock and
 * no `crypto.randomUUID`. The certificate and key are PEM files (from the organisation's
 * internal CA), re-read on SIGHUP so a renewed certificate needs no restart.
 */
import { readFileSync } from 'node:fs';
import { createServer as createPlainServer, type Server as PlainServer } from 'node:http';
import { createSecureContext } from 'node:tls';

export interface TlsFiles {
  cert: string;
  key: string;
}

/** TLS_CERT and TLS_KEY, both or neither; one without the other stops the start, saying so. */
export function tlsFiles(env: NodeJS.ProcessEnv): TlsFiles | undefined {
  const cert = env['TLS_CERT'];
  const key = env['TLS_KEY'];
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new Error(`HTTPS needs both TLS_CERT and TLS_KEY (PEM files); only ${cert ? 'TLS_CERT' : 'TLS_KEY'} is set`);
  return { cert, key };
}

/** Reads the PEM files and checks they make a working pair; the message names the file at fault. */
export function readTls(files: TlsFiles): { cert: Buffer; key: Buffer } {
  const read = (name: string, path: string) => {
    try {
      return readFileSync(path);
    } catch (error) {
      throw new Error(`cannot read ${name} ${path}: ${(error as Error).message}`, { cause: error });
    }
  };
  const pair = { cert: read('TLS_CERT', files.cert), key: read('TLS_KEY', files.key) };
  try {
    createSecureContext(pair);
  } catch (error) {
    throw new Error(`TLS_CERT ${files.cert} and TLS_KEY ${files.key} are not a certificate and its key in PEM: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return pair;
}

/**
 * A plain HTTP listener that sends every request to the same host over HTTPS (for people who
 * type the server's name without https://). A Host header that is not a host name gets a 400.
 */
export function redirectToHttps(httpsPort: number): PlainServer {
  return createPlainServer((request, response) => {
    const host = /^([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/.exec(request.headers.host ?? '')?.[1];
    if (!host) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end('Open this server with its name, over https.\n');
      return;
    }
    const port = httpsPort === 443 ? '' : `:${httpsPort}`;
    response.writeHead(308, { location: `https://${host}${port}${request.url ?? '/'}` }).end();
  });
}
