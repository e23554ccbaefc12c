/**
 * A set of strings with one small integer per string, kept off the JS heap: the strings' UTF-8
 * bytes in one growing byte arena and an open-addressing table on typed arrays (issue 14: the
 * scan's duplicate detection held every checked value as a Map key, ~80 B of V8 heap per value
 * plus the old generation's headroom over it; here a value costs its bytes and ~20 B of arrays).
 *
 * Exact, not probabilistic: the hash only chooses where to look; a value is found only when its
 * bytes equal the stored ones, so a hash collision costs one more probe and never merges two
 * different values (test/probes/ldap/value-table.test.ts forces every value onto one hash).
 * Values are compared as UTF-8: LDAP strings are UTF-8 on the wire, so two distinct values never
 * encode alike (a lone UTF-16 surrogate, which LDAP cannot carry, would become U+FFFD).
 */

/** Where a value lives in the table: a hash of its UTF-8 bytes `bytes[start..end)`. */
export type ValueHash = (bytes: Uint8Array, start: number, end: number) => number;

/**
 * 32-bit FNV-1a over the UTF-8 bytes, with murmur3's final mix so the low bits the table uses
 * change with every byte (directory values differ in a counter at the end): cheap, and only ever
 * a hint (see above). Over the bytes, not the string, so growing the table rehashes from the arena
 * without decoding a string per value.
 */
export const fnv1a: ValueHash = (bytes, start, end) => {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

export class ValueTable {
  /** Per slot: value id + 1; 0 is an empty slot. */
  private slots = new Int32Array(1024);
  /** The values' bytes, each with the caller's integer (a holder, or a record of a value seen twice). */
  private readonly list = new StringList();

  constructor(private readonly hash: ValueHash = fnv1a) {}

  get size(): number {
    return this.list.size;
  }

  /**
   * The id of `value`, added (with `data`) when new. Returns the id, or ~id (negative) when the
   * value was not there before, so the caller learns both with one lookup.
   */
  add(value: string, data: number): number {
    return this.lookup(value, data, true);
  }

  /** Whether `value` is in the table (nothing is added). */
  has(value: string): boolean {
    return this.lookup(value, 0, false) >= 0;
  }

  private lookup(value: string, data: number, adding: boolean): number {
    // Encoded once at the arena's end: a comparison reads it from there, and a new value stays.
    const length = this.list.stage(value);
    const h = this.list.hashStaged(this.hash, length) >>> 0;
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) {
        if (!adding) return -1;
        const id = this.list.commit(length, data);
        this.slots[slot] = id + 1;
        // At most 70 % full: linear probes stay short (~2 for a hit, ~6 for a miss).
        if (this.list.size * 10 > this.slots.length * 7) this.rehash();
        return ~id;
      }
      // No hash kept per slot (4 B a slot less): the length check rejects most other values.
      if (this.list.equalsStaged(held - 1, length)) return held - 1;
    }
  }

  /** The caller's integer of a value id. */
  get(id: number): number {
    return this.list.tag(id);
  }

  set(id: number, data: number): void {
    this.list.setTag(id, data);
  }

  /** The value of an id, as a new string. */
  value(id: number): string {
    return this.list.value(id);
  }

  *values(): IterableIterator<string> {
    for (let id = 0; id < this.list.size; id++) yield this.list.value(id);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.list.size; id++) {
      let slot = (this.list.hashOf(this.hash, id) >>> 0) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
  }
}

/**
 * How the arenas and offset arrays grow. Small ones by half, not double: the slack of the last step
 * is memory the scan never uses, and the copies cost little next to the wait for the directory.
 *
 * One that outgrows glibc's mmap threshold (128 KiB by default) jumps at once to a reservation of
 * 16 MiB. Such a block is mapped, not carved from malloc's heap, and a mapped page costs memory
 * only once written: the reservation holds what the arena uses, rounded up to a page. Growing it
 * by half through the sizes between (each copy then freed) moved the process's peak instead: glibc
 * raises its mmap threshold to the size of every mapped block freed, after which the blocks below
 * it, the scan's and Node's alike, come from the heap and leave holes there. With the jump, a
 * 100,000-user collect peaked at 116–125 MB (median 117) instead of 123–128 MB (README, Performance).
 * Beyond the reservation, growth is by half again. A refused reservation (a system that does not
 * overcommit) falls back to growth by half.
 */
const MMAP_THRESHOLD = 128 * 1024;
const RESERVATION = 16 * 1024 * 1024;

function nextBytes(currentBytes: number, neededBytes: number): number {
  const byHalf = Math.max(neededBytes, Math.ceil(currentBytes * 1.5));
  return byHalf >= MMAP_THRESHOLD && currentBytes < RESERVATION ? Math.max(byHalf, RESERVATION) : byHalf;
}

function allocate<T>(bytes: number, fallbackBytes: number, make: (bytes: number) => T): T {
  try {
    return make(bytes);
  } catch (error) {
    if (bytes === fallbackBytes || !(error instanceof RangeError)) throw error;
    return make(fallbackBytes);
  }
}

function grow(arena: Buffer, needed: number): Buffer {
  const fallback = Math.max(needed, Math.ceil(arena.length * 1.5));
  const next = allocate(nextBytes(arena.length, needed), fallback, (n) => Buffer.allocUnsafe(n));
  arena.copy(next);
  return next;
}

function growArray<T extends Int32Array | Uint32Array>(a: T): T {
  const make = (bytes: number): T => new (a.constructor as new (n: number) => T)(bytes / a.BYTES_PER_ELEMENT);
  const fallback = Math.ceil(a.length * 1.5) * a.BYTES_PER_ELEMENT;
  const next = allocate(Math.ceil(nextBytes(a.byteLength, a.byteLength + 1) / a.BYTES_PER_ELEMENT) * a.BYTES_PER_ELEMENT, fallback, make);
  next.set(a);
  return next;
}

/**
 * Strings added once each, read back by index, with a small integer (`tag`) each: one byte arena
 * and its offsets. The data-quality samples' holder names live here, and ValueTable keeps its
 * values in one (adding only the lookup table).
 */
export class StringList {
  /** Per string: where its bytes start in the arena (they end where the next string's start). */
  private starts = new Uint32Array(1024);
  private tags = new Int32Array(1024);
  private arena: Buffer = Buffer.allocUnsafe(16 * 1024);
  private used = 0;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Appends `value` with `tag`; returns its index. */
  add(value: string, tag: number): number {
    return this.commit(this.stage(value), tag);
  }

  /** Writes `value`'s UTF-8 bytes at the arena's end without adding them; returns their length. */
  stage(value: string): number {
    const length = Buffer.byteLength(value, 'utf8');
    if (this.used + length > this.arena.length) this.arena = grow(this.arena, this.used + length);
    this.arena.write(value, this.used, length, 'utf8');
    return length;
  }

  /** Adds the `length` bytes last staged, with `tag`; returns their index. */
  commit(length: number, tag: number): number {
    const id = this.count++;
    if (id >= this.starts.length) {
      this.starts = growArray(this.starts);
      this.tags = growArray(this.tags);
    }
    this.starts[id] = this.used;
    this.tags[id] = tag;
    this.used += length;
    return id;
  }

  /** Whether string `id` has the `length` bytes last staged. */
  equalsStaged(id: number, length: number): boolean {
    const start = this.starts[id]!;
    if (this.end(id) - start !== length) return false;
    // A loop, not Buffer.compare: values are short, and most differ within a few bytes.
    const a = this.arena;
    for (let i = 0, at = this.used; i < length; i++) if (a[start + i] !== a[at + i]) return false;
    return true;
  }

  hashStaged(hash: ValueHash, length: number): number {
    return hash(this.arena, this.used, this.used + length);
  }

  hashOf(hash: ValueHash, id: number): number {
    return hash(this.arena, this.starts[id]!, this.end(id));
  }

  value(id: number): string {
    return this.arena.toString('utf8', this.starts[id]!, this.end(id));
  }

  tag(id: number): number {
    return this.tags[id]!;
  }

  setTag(id: number, tag: number): void {
    this.tags[id] = tag;
  }

  private end(id: number): number {
    return id + 1 < this.count ? this.starts[id + 1]! : this.used;
  }
}
