// Turns the bytes of a CSV file into text: UTF-8 with or without a byte-order mark, UTF-16 with one, or
// Windows-1252 (what Excel on Windows writes as "CSV") when the bytes are not valid UTF-8. Used by the window
// (a chosen or dropped file) and the command line (a file path); TextDecoder exists in both.
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

// Node's TextDecoder decodes "windows-1252" as Latin-1 (nodejs/node#56542), leaving 0x80-0x9F as control
// characters; browsers follow the Encoding Standard. These are the standard's characters for those bytes.
const cp1252High = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'];

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    // TextDecoder drops the byte-order mark itself.
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8-bom' };
  }
  // Excel's "Unicode text" export.
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    return {
      text: text.replace(/[\u0080-\u009f]/g, (char) => cp1252High[char.charCodeAt(0) - 0x80] ?? char),
      encoding: 'windows-1252',
    };
  }
}

export const encodingLabels: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (with byte-order mark)',
  'windows-1252': 'Windows-1252 (Western European)',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (big-endian)',
};
