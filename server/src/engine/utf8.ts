/**
 * The UTF-8 size of a string in bytes, as `Buffer.byteLength(text, 'utf8')` counts it (a lone surrogate
 * is 3 bytes, U+FFFD), without Node's Buffer: the engine also runs in a browser's worker.
 */
export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: 4 bytes for its 2 UTF-16 units
      i++;
    } else bytes += 2;
  }
  return bytes;
}
