/**
 * What an uploaded file really is, read from its first bytes: browsers and clients name the
 * content type themselves, so the header proves nothing. Only formats a reviewer can open
 * safely in a browser are recognised.
 */
export type SniffedContentType = "image/jpeg" | "image/png" | "image/webp" | "application/pdf";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** A PNG signature followed by its mandatory first chunk, IHDR. */
function isPng(bytes: Uint8Array): boolean {
  return startsWith(bytes, PNG_SIGNATURE) && startsWith(bytes, ascii("IHDR"), 12);
}

/** Start of image, then a marker segment (FF xx): JFIF, EXIF and raw JPEGs alike. */
function isJpeg(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xd8, 0xff]) && bytes.length > 4;
}

/** A RIFF container of type WEBP whose first chunk is a VP8 bitstream (lossy, lossless or extended). */
function isWebp(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, ascii("RIFF")) &&
    startsWith(bytes, ascii("WEBP"), 8) &&
    startsWith(bytes, ascii("VP8"), 12)
  );
}

function isPdf(bytes: Uint8Array): boolean {
  return startsWith(bytes, ascii("%PDF-"));
}

/** The file's real type, or null when it is none of the accepted formats. */
export function sniffContentType(bytes: Uint8Array): SniffedContentType | null {
  if (isJpeg(bytes)) return "image/jpeg";
  if (isPng(bytes)) return "image/png";
  if (isWebp(bytes)) return "image/webp";
  if (isPdf(bytes)) return "application/pdf";
  return null;
}
