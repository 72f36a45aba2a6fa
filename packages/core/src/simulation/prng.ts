/**
 * A small seeded PRNG (SFC32, Chris Doty-Humphrey's "small fast counting" generator) for the
 * simulation and the benchmark. The core itself never draws random numbers: only the harnesses
 * that generate commands do, and a seed reproduces their whole run.
 */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private counter: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.counter = 1;
    this.a ^= seed >>> 0;
    this.b ^= Math.floor(seed / 0x1_0000_0000) >>> 0;
    // Warm up so that nearby seeds give unrelated streams.
    for (let i = 0; i < 16; i++) this.nextUint32();
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.counter) | 0;
    this.counter = (this.counter + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** An integer in [min, max] as a bigint. */
  bigint(min: number, max: number): bigint {
    return BigInt(this.int(min, max));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error("pick from an empty array");
    return item;
  }
}
