// UTF-8 conversion. Short strings are the common case in packet and log
// handling, and for them a plain loop beats TextEncoder/TextDecoder, whose
// per-call cost dominates below a few hundred bytes.

const encoder = new TextEncoder();
const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const SHORT = 256;

export function encodeUtf8(s: string): Uint8Array {
  if (s.length > SHORT) return encoder.encode(s);
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (!ascii) return encoder.encode(s);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Decodes UTF-8; returns null when the bytes are not well-formed. */
export function decodeUtf8(b: Uint8Array): string | null {
  if (b.length <= SHORT) {
    let ascii = true;
    for (let i = 0; i < b.length; i++) {
      if (b[i] > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, b as unknown as number[]);
  }
  try {
    return fatalDecoder.decode(b);
  } catch {
    return null;
  }
}
