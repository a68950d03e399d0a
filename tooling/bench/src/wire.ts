import http from 'node:http';

/** A response as it crossed the wire: body bytes before any decoding, and how they were encoded. */
export interface OnTheWire {
  readonly status: number;
  /** `content-encoding` of the answer (`identity` when none). */
  readonly encoding: string;
  /** Body bytes as sent: compressed if the server compressed them. */
  readonly bytes: number;
}

/**
 * GETs `url` with the given request headers (a browser's `accept-encoding`, say) and counts the body
 * bytes as the server sent them: node:http does not decode bodies, so nothing is compressed or
 * decompressed here — the figure is the server's own choice of encoding and level.
 */
export function bytesOnTheWire(url: string, headers: Record<string, string>): Promise<OnTheWire> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          encoding: String(response.headers['content-encoding'] ?? 'identity'),
          bytes,
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}
