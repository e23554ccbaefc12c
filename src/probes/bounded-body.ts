/**
 * Every HTTP body a probe reads (HTTPS reachability, WS-Man Identify, PingFederate and federation
 * metadata) goes through here, so a server that answers forever (an endless chunked body, a huge
 * Content-Length) costs at most `limit` bytes of memory. Over the cap is a "response too large"
 * failure naming the host; the body stream is destroyed at once, so the connection closes.
 */

/** Cap for an ordinary answer (Identify, a web page): 1 MiB. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Cap for federation metadata (AD FS FederationMetadata.xml, PingFederate SAML metadata): 10 MiB. */
export const MAX_METADATA_BYTES = 10 * 1024 * 1024;

export class ResponseTooLarge extends Error {
  constructor(
    readonly host: string,
    readonly limit: number,
    what: string,
  ) {
    super(`response too large: ${host} sent more than ${formatBytes(limit)} for ${what}; reading stopped there`);
    this.name = 'ResponseTooLarge';
  }
}

export function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}

/** The body side of an undici response (or any readable of Buffers). */
export interface BodyStream extends AsyncIterable<unknown> {
  destroy(error?: Error): unknown;
}

/**
 * Reads at most `limit` bytes of `body`. A Content-Length above the limit fails before a byte is
 * read; otherwise the chunks are counted as they come and the stream is destroyed the moment the
 * count passes the limit. Throws ResponseTooLarge naming `host` and `what`.
 */
export async function readBoundedBody(
  body: BodyStream,
  opts: { readonly host: string; readonly what: string; readonly limit?: number; readonly contentLength?: string | string[] | undefined },
): Promise<Buffer> {
  const limit = opts.limit ?? MAX_BODY_BYTES;
  const declared = Number(Array.isArray(opts.contentLength) ? opts.contentLength[0] : opts.contentLength);
  if (Number.isFinite(declared) && declared > limit) {
    body.destroy();
    throw new ResponseTooLarge(opts.host, limit, opts.what);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buf.length;
    if (size > limit) {
      body.destroy();
      throw new ResponseTooLarge(opts.host, limit, opts.what);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
