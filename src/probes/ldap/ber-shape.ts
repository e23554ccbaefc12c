/**
 * Whether bytes[start, end) is a run of BER elements (X.690 tag, definite length, contents) that
 * fit inside one another exactly: every element ends within its container, and a constructed
 * element's contents are themselves such a run. The LDAP probe checks each response message with
 * it before ldapts parses the message, because ldapts's parsers loop forever, some growing memory
 * without end, when an inner length runs past the end of the message (see message-parse.ts).
 * Returns what is wrong, or undefined when the shape is sound. It reads only tags and lengths:
 * the contents are ldapts's to parse.
 */
export function berShapeProblem(bytes: Uint8Array, start: number, end: number): string | undefined {
  return run(bytes, start, end, 0);
}

/** Deeper than any LDAP message nests (a SearchResultEntry is four levels); a bound against a hostile stack. */
const MAX_DEPTH = 32;

function run(bytes: Uint8Array, start: number, end: number, depth: number): string | undefined {
  if (depth > MAX_DEPTH) return `elements nested deeper than ${MAX_DEPTH} levels`;
  let at = start;
  while (at < end) {
    const tag = bytes[at] as number;
    // LDAP uses no tag numbers above 30; the high-tag-number form is not LDAP (ldapts reads one byte too).
    if ((tag & 0x1f) === 0x1f) return `an element at byte ${at} uses a multi-byte tag`;
    if (at + 1 >= end) return `an element at byte ${at} has no length`;
    const first = bytes[at + 1] as number;
    let contents = at + 2;
    let length = first;
    if (first & 0x80) {
      const count = first & 0x7f;
      // ldapts reads at most four length bytes, and an indefinite length (0x80) not at all.
      if (count === 0 || count > 4) return `an element at byte ${at} has a length form ldapts cannot read`;
      if (contents + count > end) return `the length of an element at byte ${at} runs past its container`;
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + (bytes[contents + i] as number);
      contents += count;
    }
    const next = contents + length;
    if (next > end) return `an element at byte ${at} (${length} bytes) runs past the end of its container`;
    if (tag & 0x20) {
      const inner = run(bytes, contents, next, depth + 1);
      if (inner !== undefined) return inner;
    }
    at = next;
  }
  return undefined;
}
