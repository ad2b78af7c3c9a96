// File bytes as text, the same way in the CLI and the extension. Worksheets
// are UTF-8; a UTF-16 file with a byte-order mark (what some Windows editors
// save) is decoded as such instead of being called binary. Bytes that are not
// valid UTF-8 become U+FFFD, which the parse then reports (yaml/parse.ts), so
// a damaged file is never read as a silently different one.

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes); // drops a UTF-8 BOM
}
