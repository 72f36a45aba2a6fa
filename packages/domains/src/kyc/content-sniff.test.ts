import { describe, expect, it } from "vitest";
import { sniffContentType } from "./content-sniff";

const bytes = (...parts: Array<number[] | string>) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === "string" ? [...Buffer.from(part, "latin1")] : part)),
  );

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR", [0, 0]);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF");
const WEBP = bytes("RIFF", [1, 0, 0, 0], "WEBPVP8 ", [0, 0]);

describe("sniffContentType", () => {
  it.each([
    ["a PNG", PNG, "image/png"],
    ["a JPEG", JPEG, "image/jpeg"],
    ["a WebP", WEBP, "image/webp"],
    ["a PDF", bytes("%PDF-1.7\n%âãÏÓ"), "application/pdf"],
  ])("recognises %s by its bytes", (_, file, type) => {
    expect(sniffContentType(file)).toBe(type);
  });

  it.each([
    ["text named .png", bytes("this is not an image, just text\n")],
    ["an empty file", new Uint8Array()],
    ["a PNG signature without its IHDR chunk", PNG.slice(0, 8)],
    ["a RIFF that is audio, not WebP", bytes("RIFF", [1, 0, 0, 0], "WAVEfmt ")],
    ["a GIF", bytes("GIF89a", [1, 0, 1, 0])],
    ["an SVG (script can hide in it)", bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["HTML", bytes("<!doctype html><script>alert(1)</script>")],
  ])("refuses %s", (_, file) => {
    expect(sniffContentType(file)).toBeNull();
  });
});
