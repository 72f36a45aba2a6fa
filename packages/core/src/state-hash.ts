/**
 * A 128-bit non-cryptographic hash of a string, in pure JavaScript (the core may not import
 * node:crypto). It detects divergence between replicas and replays; it does not resist
 * deliberate collisions, which nothing here needs.
 *
 * Four 32-bit lanes each absorb every UTF-16 code unit with a different odd multiplier and
 * rotation, and are cross-mixed at the end with the MurmurHash3 finaliser so every output bit
 * depends on every lane.
 */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  let c = 0x85ebca6b;
  let d = 0xc2b2ae35;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(rotate(b, 5) ^ unit, 0x5bd1e995);
    c = Math.imul(rotate(c, 13) ^ unit, 0x27d4eb2f);
    d = Math.imul(rotate(d, 21) ^ unit, 0x165667b1);
  }
  const length = text.length;
  a = finalise(a ^ length ^ d);
  b = finalise(b ^ a);
  c = finalise(c ^ b);
  d = finalise(d ^ c);
  a = finalise(a ^ d);
  return hex(a) + hex(b) + hex(c) + hex(d);
}

function rotate(value: number, bits: number): number {
  return (value << bits) | (value >>> (32 - bits));
}

/** MurmurHash3's fmix32: spreads every input bit over the whole word. */
function finalise(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function hex(value: number): string {
  return (value >>> 0).toString(16).padStart(8, "0");
}
