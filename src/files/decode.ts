/** Turn a file's bytes into text, the way AWS tools would read it, or say why that is impossible. */

export type Decoded = { text: string } | { error: string; byteOffset: number };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return checkText(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return checkText(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { error: 'The file holds binary data (a NUL byte), not JSON or YAML text.', byteOffset: nul };
  try {
    // The fatal decoder strips a UTF-8 byte order mark, which editors do not count as a column.
    return { text: utf8.decode(bytes) };
  } catch {
    return { error: 'The file is not valid UTF-8 text.', byteOffset: firstInvalidUtf8(bytes) };
  }
}

function checkText(text: string): Decoded {
  const nul = text.indexOf('\0');
  if (nul !== -1) return { error: 'The file holds binary data (a NUL character), not JSON or YAML text.', byteOffset: nul * 2 + 2 };
  return { text };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n: number;
    if (c < 0x80) n = 0;
    else if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) n = 2;
    else if (c >= 0xf0 && c <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return i;
}
