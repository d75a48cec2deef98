/**
 * A counter of integer pairs (a, b) in open-addressing hash tables over typed arrays: the
 * bigram counts of a large corpus fit in tens of megabytes instead of millions of Map entries.
 * Entries are numbered in insertion order, so results do not depend on the hash layout.
 */
export class PairCounter {
  /** Number of distinct pairs. */
  size = 0;
  /** Entry -> first element, second element and count (valid for indices below `size`). */
  first: Int32Array;
  second: Int32Array;
  counts: Float64Array;
  private slots: Int32Array;
  private mask: number;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(-1);
    this.mask = capacity - 1;
    const entries = Math.max(8, expected);
    this.first = new Int32Array(entries);
    this.second = new Int32Array(entries);
    this.counts = new Float64Array(entries);
  }

  /** Adds `inc` to the count of (a, b), creating it if new; returns its entry index. */
  add(a: number, b: number, inc = 1): number {
    const mask = this.mask;
    let slot = hashPair(a, b) & mask;
    const slots = this.slots;
    for (;;) {
      const entry = slots[slot];
      if (entry < 0) break;
      if (this.first[entry] === a && this.second[entry] === b) {
        this.counts[entry] += inc;
        return entry;
      }
      slot = (slot + 1) & mask;
    }
    const entry = this.size++;
    if (entry >= this.first.length) this.growEntries();
    this.first[entry] = a;
    this.second[entry] = b;
    this.counts[entry] = inc;
    slots[slot] = entry;
    if (this.size * 2 > slots.length) this.rehash();
    return entry;
  }

  /** The entry index of (a, b), or -1 when the pair was never added. */
  find(a: number, b: number): number {
    const mask = this.mask;
    let slot = hashPair(a, b) & mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry < 0) return -1;
      if (this.first[entry] === a && this.second[entry] === b) return entry;
      slot = (slot + 1) & mask;
    }
  }

  private growEntries(): void {
    const capacity = this.first.length * 2;
    const first = new Int32Array(capacity);
    first.set(this.first);
    const second = new Int32Array(capacity);
    second.set(this.second);
    const counts = new Float64Array(capacity);
    counts.set(this.counts);
    this.first = first;
    this.second = second;
    this.counts = counts;
  }

  private rehash(): void {
    const capacity = this.slots.length * 2;
    const slots = new Int32Array(capacity).fill(-1);
    const mask = capacity - 1;
    for (let entry = 0; entry < this.size; entry++) {
      let slot = hashPair(this.first[entry], this.second[entry]) & mask;
      while (slots[slot] >= 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function hashPair(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}
