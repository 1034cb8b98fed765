import { loadIconv } from './lazy.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const C1_CONTROLS = /[\u0080-\u009f]/g;

interface RepairTables {
  /** What each byte 0x80–0xFF looks like once wrongly decoded as Windows-1252 (undefined bytes as C1). */
  cp1252OfByte: string[];
  byteOfCharacter: Map<string, number>;
  /** UTF-8 sequences read as Windows-1252/Latin-1: a lead byte (Â–ô) then its continuation bytes. */
  doubleEncoded: RegExp;
}

let built: RepairTables | null = null;

/** The tables, built on the first repair (with iconv-lite, which only reading needs). */
function repairTables(): RepairTables {
  if (built !== null) return built;
  const iconv = loadIconv();
  const cp1252OfByte: string[] = [];
  const byteOfCharacter = new Map<string, number>();
  for (let byte = 0x80; byte <= 0xff; byte += 1) {
    const decoded = iconv.decode(Buffer.from([byte]), 'windows-1252');
    const character = decoded === '\ufffd' || decoded === '' ? String.fromCharCode(byte) : decoded;
    cp1252OfByte[byte] = character;
    byteOfCharacter.set(character, byte);
    byteOfCharacter.set(String.fromCharCode(byte), byte); // Latin-1 reading of the same byte
  }
  const escapeClass = (characters: string[]): string => characters.map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  const continuation = (() => {
    const characters = new Set<string>();
    for (let byte = 0x80; byte <= 0xbf; byte += 1) {
      characters.add(cp1252OfByte[byte] ?? '');
      characters.add(String.fromCharCode(byte));
    }
    return `[${escapeClass([...characters])}]`;
  })();
  const lead = (from: number, to: number): string =>
    `[${escapeClass(Array.from({ length: to - from + 1 }, (_unused, index) => String.fromCharCode(from + index)))}]`;
  const doubleEncoded = new RegExp(`${lead(0xc2, 0xdf)}${continuation}|${lead(0xe0, 0xef)}${continuation}{2}|${lead(0xf0, 0xf4)}${continuation}{3}`, 'g');
  built = { cp1252OfByte, byteOfCharacter, doubleEncoded };
  return built;
}

/**
 * Repairs the two common encoding accidents in feed text, in linear time:
 * UTF-8 that was decoded as Windows-1252 (`â€™` → `’`, `Ã©` → `é`), and Windows-1252 bytes
 * that ended up as C1 control characters (`don\u0092t` → `don’t`). A sequence is only replaced
 * when its bytes are valid UTF-8 for one character, so real Latin text is left alone.
 */
export function repairMojibake(text: string): string {
  const { cp1252OfByte, byteOfCharacter, doubleEncoded } = repairTables();
  let repaired = text;
  if (/[\u00c2-\u00f4]/.test(repaired)) {
    repaired = repaired.replace(doubleEncoded, (sequence) => {
      const bytes = Array.from(sequence, (character) => byteOfCharacter.get(character) ?? -1);
      if (bytes.includes(-1)) return sequence;
      try {
        const decoded = strictUtf8.decode(Uint8Array.from(bytes));
        return [...decoded].length === 1 ? decoded : sequence;
      } catch {
        return sequence;
      }
    });
  }
  return repaired.replace(C1_CONTROLS, (control) => {
    const replacement = cp1252OfByte[control.charCodeAt(0)] ?? '';
    return replacement.charCodeAt(0) >= 0xa0 ? replacement : '';
  });
}
