// Decoding a CSV file's bytes: UTF-8 with and without a byte-order mark, UTF-16 with one, and Windows-1252
// (Excel's "CSV" on Windows) when the bytes are not valid UTF-8.
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../shared/domain/csv-encoding';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Müller;Straße')]))).toEqual({
      text: 'Müller;Straße',
      encoding: 'utf-8-bom',
    });
  });

  it('reads UTF-8 without a mark', () => {
    expect(decodeCsvBytes(utf8('Zoë,José'))).toEqual({ text: 'Zoë,José', encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (ü as 0xFC, € as 0x80)', () => {
    expect(decodeCsvBytes(bytes(0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x80))).toEqual({
      text: 'Müller;€',
      encoding: 'windows-1252',
    });
  });

  it('reads UTF-16 with a byte-order mark', () => {
    expect(decodeCsvBytes(bytes(0xff, 0xfe, 0x41, 0x00, 0x3b, 0x00, 0xe9, 0x00))).toEqual({
      text: 'A;é',
      encoding: 'utf-16le',
    });
  });
});
