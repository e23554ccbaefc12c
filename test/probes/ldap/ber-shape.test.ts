import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berShapeProblem } from '../../../src/probes/ldap/ber-shape.js';

/** A BER element tree: primitive leaves with bytes, constructed nodes with children. */
type Node = { tag: number; bytes: Uint8Array } | { tag: number; children: Node[] };

function lengthBytes(n: number, longForm: boolean): number[] {
  if (n < 0x80 && !longForm) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  if (out.length === 0) out.push(0);
  return [0x80 | out.length, ...out];
}
function encode(node: Node, longForm = false): Buffer {
  const contents = 'bytes' in node ? Buffer.from(node.bytes) : Buffer.concat(node.children.map((c) => encode(c, longForm)));
  return Buffer.concat([Buffer.from([node.tag, ...lengthBytes(contents.length, longForm)]), contents]);
}

const primitiveTag = fc.constantFrom(0x02, 0x04, 0x0a, 0x80, 0x87, 0x8a);
const constructedTag = fc.constantFrom(0x30, 0x31, 0x61, 0x64, 0x65, 0x73, 0xa0, 0xa3);
const { tree } = fc.letrec<{ tree: Node }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ tag: primitiveTag, bytes: fc.uint8Array({ maxLength: 300 }) }),
    fc.record({ tag: constructedTag, children: fc.array(tie('tree'), { maxLength: 4 }) }),
  ),
}));

describe('berShapeProblem', () => {
  it('accepts every well-formed run of elements, short and long length forms', () => {
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 3 }), fc.boolean(), (nodes, longForm) => {
        const bytes = Buffer.concat(nodes.map((n) => encode(n, longForm)));
        expect(berShapeProblem(bytes, 0, bytes.length)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('finds any element whose length is made to run past its container', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.integer({ min: 1, max: 200 }), (node, pick, extra) => {
        const bytes = encode(node, true); // every length in the long form: room to grow it
        // Each length field (the bytes after a long-form prefix), with where its contents start and its container ends.
        const lengths: { at: number; count: number; contents: number; containerEnd: number }[] = [];
        const walk = (at: number, end: number): void => {
          while (at < end) {
            const tag = bytes[at] as number;
            const count = (bytes[at + 1] as number) & 0x7f;
            let length = 0;
            for (let i = 0; i < count; i++) length = length * 256 + (bytes[at + 2 + i] as number);
            const contents = at + 2 + count;
            lengths.push({ at: at + 2, count, contents, containerEnd: end });
            if (tag & 0x20) walk(contents, contents + length);
            at = contents + length;
          }
        };
        walk(0, bytes.length);
        const target = lengths[pick % lengths.length] as (typeof lengths)[number];
        // Longer than what is left of its container, by `extra`: a shorter lie could re-tile into other elements.
        const grown = target.containerEnd - target.contents + extra;
        fc.pre(grown < 256 ** target.count);
        for (let i = target.count - 1, v = grown; i >= 0; i--, v = Math.floor(v / 256)) bytes[target.at + i] = v & 0xff;
        expect(berShapeProblem(bytes, 0, bytes.length)).toMatch(/runs past the end of its container/);
      }),
      { numRuns: 500 },
    );
  });

  it('names the other shapes ldapts cannot read: a missing length, a long tag, an indefinite or five-byte length, deep nesting', () => {
    expect(berShapeProblem(Buffer.from([0x04]), 0, 1)).toMatch(/has no length/);
    expect(berShapeProblem(Buffer.from([0x1f, 0x01, 0x00]), 0, 3)).toMatch(/multi-byte tag/);
    expect(berShapeProblem(Buffer.from([0x30, 0x80, 0x00, 0x00]), 0, 4)).toMatch(/length form/);
    expect(berShapeProblem(Buffer.from([0x04, 0x85, 0, 0, 0, 0, 1, 0]), 0, 8)).toMatch(/length form/);
    let deep: Node = { tag: 0x04, bytes: new Uint8Array() };
    for (let i = 0; i < 40; i++) deep = { tag: 0x30, children: [deep] };
    const bytes = encode(deep);
    expect(berShapeProblem(bytes, 0, bytes.length)).toMatch(/nested deeper/);
  });

  it('judges only the range it is given', () => {
    const element = encode({ tag: 0x04, bytes: new Uint8Array([1, 2, 3]) });
    const framed = Buffer.concat([Buffer.from([0xff, 0xff]), element, Buffer.from([0xff])]);
    expect(berShapeProblem(framed, 2, 2 + element.length)).toBeUndefined();
    expect(berShapeProblem(framed, 2, 2 + element.length - 1)).toMatch(/runs past/);
  });
});
