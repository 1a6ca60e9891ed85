/** How a file's bytes became text, so that --fix can write them back the same way. */
export interface DecodedText {
  text: string;
  /** A UTF-8 byte order mark was stripped (and is written back). */
  bom: boolean;
}

const BINARY_SNIFF_BYTES = 8192;

/** Git's heuristic: a NUL byte in the first 8 KB means binary. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** Decodes UTF-8 with U+FFFD for invalid sequences, stripping a BOM. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: decoder.decode(bom ? bytes.subarray(3) : bytes), bom };
}

export function encodeText(decoded: DecodedText): Buffer {
  return Buffer.from((decoded.bom ? '\uFEFF' : '') + decoded.text, 'utf8');
}
