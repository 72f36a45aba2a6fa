import { describe, expect, it } from "vitest";
import { OutboundFrame } from "./outbound-frame";

describe("OutboundFrame", () => {
  it.each([
    [5, [0x81, 5]],
    [125, [0x81, 125]],
    [126, [0x81, 126, 0, 126]],
    [65_535, [0x81, 126, 0xff, 0xff]],
    [65_536, [0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0]],
  ])("frames a %i-byte payload as one unmasked text frame", (length, header) => {
    const frame = OutboundFrame.of("x".repeat(length));
    expect([...frame.wire.subarray(0, header.length)]).toEqual(header);
    expect(frame.wire.length).toBe(header.length + length);
    expect(frame.wire.subarray(header.length).equals(frame.payload)).toBe(true);
  });

  it("counts the payload in bytes, not characters", () => {
    const frame = OutboundFrame.of("€");
    expect([...frame.wire]).toEqual([0x81, 3, 0xe2, 0x82, 0xac]);
  });
});
