// TextEncoder and TextDecoder exist in every runtime core runs in (Node, browsers, workers) but are
// not in the ES library core is typed with; these declarations name them without the DOM types.
declare class TextEncoder {
  encode(text: string): Uint8Array;
}
declare class TextDecoder {
  decode(bytes: Uint8Array): string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A string as UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** UTF-8 bytes as a string. */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
