import dgram from 'node:dgram';
import { randomInt } from 'node:crypto';
import net from 'node:net';
import dns2 from 'dns2';

/** More records than this in one answer is not a resolver answering a preflight question. */
export const MAX_DNS_RECORDS = 100;

export type DnsFailureKind = 'timeout' | 'refused' | 'protocol' | 'too-large';

export class DnsQueryError extends Error {
  constructor(
    readonly kind: DnsFailureKind,
    message: string,
  ) {
    super(message);
  }
}

type Packet = InstanceType<typeof dns2.Packet>;

/**
 * One DNS question over UDP, encoded and decoded with dns2's Packet, on a *connected* socket:
 * dns2's own UDP client uses an unconnected one, where the ICMP port-unreachable of a refusing
 * resolver is never reported and the query waits out its whole timeout; connected, it arrives as
 * ECONNREFUSED at once. An answer with our id that does not parse, is not a response, or does not
 * echo the question is a protocol error at once (dns2's client drops it and waits for the
 * timeout); an answer with more than MAX_DNS_RECORDS records is "response too large".
 */
export function queryUdp(server: { readonly dns: string; readonly port: number }, name: string, type: 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'TXT', timeoutMs: number, signal?: AbortSignal): Promise<Packet> {
  const query = new dns2.Packet();
  query.header.id = randomInt(0x10000);
  query.header.rd = 1;
  query.questions.push({ name, class: dns2.Packet.CLASS.IN, type: dns2.Packet.TYPE[type] } as Packet['questions'][number]);
  const socket = dgram.createSocket(net.isIPv6(server.dns) ? 'udp6' : 'udp4');
  return new Promise<Packet>((resolve, reject) => {
    let settled = false;
    const finish = (err: DnsQueryError | undefined, packet?: Packet): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      try {
        socket.close();
      } catch {
        // already closed
      }
      if (err !== undefined) reject(err);
      else if (packet !== undefined) resolve(packet);
    };
    const onAbort = (): void => finish(new DnsQueryError('timeout', 'the run was cancelled'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => finish(new DnsQueryError('timeout', `no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') finish(new DnsQueryError('refused', 'ECONNREFUSED: nothing listens on that port (ICMP port unreachable)'));
      else if (err.code === 'EHOSTUNREACH' || err.code === 'ENETUNREACH') finish(new DnsQueryError('refused', `${err.code}: the resolver cannot be reached`));
      else finish(new DnsQueryError('protocol', `${err.code ?? 'error'}: ${err.message}`));
    });
    socket.on('message', (msg: Buffer) => {
      // The socket is connected: only the resolver's address and port can send here.
      if (msg.length < 12) return finish(new DnsQueryError('protocol', `malformed answer: ${msg.length} bytes, shorter than a DNS header`));
      if (msg.readUInt16BE(0) !== query.header.id) return; // a stray or late answer to another question
      const records = msg.readUInt16BE(6) + msg.readUInt16BE(8) + msg.readUInt16BE(10);
      // A resource record takes at least 11 bytes (root name, type, class, TTL, length).
      if (records * 11 > msg.length - 12) return finish(new DnsQueryError('protocol', `malformed answer: it announces ${records} records in ${msg.length} bytes`));
      if (records > MAX_DNS_RECORDS) return finish(new DnsQueryError('too-large', `response too large: ${records} records in one answer (more than ${MAX_DNS_RECORDS})`));
      let packet: Packet;
      try {
        packet = dns2.Packet.parse(msg);
      } catch (e) {
        return finish(new DnsQueryError('protocol', `malformed answer: ${e instanceof Error ? e.message : String(e)}`));
      }
      const problem = malformed(packet, msg, name);
      if (problem !== undefined) return finish(new DnsQueryError('protocol', `malformed answer: ${problem}`));
      finish(undefined, packet);
    });
    socket.connect(server.port, server.dns, () => {
      socket.send(query.toBuffer(), (err) => {
        if (err) finish(new DnsQueryError('refused', `${(err as NodeJS.ErrnoException).code ?? 'error'}: ${err.message}`));
      });
    });
  });
}

/** What is wrong with a parsed answer, or undefined when it is a sound response to the question. */
function malformed(packet: Packet, raw: Buffer, name: string): string | undefined {
  if (packet.header.qr !== 1) return 'the QR bit says it is a query, not a response';
  const q = packet.questions[0];
  if (packet.questions.length !== 1 || typeof q?.name !== 'string' || q.name.replace(/\.$/, '').toLowerCase() !== name.replace(/\.$/, '').toLowerCase())
    return 'it does not echo the question asked';
  if (packet.answers.length !== raw.readUInt16BE(6)) return `the header announces ${raw.readUInt16BE(6)} answers but ${packet.answers.length} could be read`;
  for (const a of packet.answers as unknown as Record<string, unknown>[]) {
    const type = a['type'];
    if (typeof a['name'] !== 'string') return 'a record without a name';
    if ((type === dns2.Packet.TYPE.A && net.isIPv4(String(a['address'])) === false) || (type === dns2.Packet.TYPE.AAAA && net.isIPv6(String(a['address'])) === false))
      return `an address record that holds no address (${String(a['address'])})`;
    if (type === dns2.Packet.TYPE.SRV && (typeof a['target'] !== 'string' || !Number.isInteger(a['port'])))
      return 'an SRV record without target or port';
    if (type === dns2.Packet.TYPE.CNAME && typeof a['domain'] !== 'string') return 'a CNAME record without a target';
  }
  return undefined;
}
