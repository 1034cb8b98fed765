/**
 * A document read piece by piece: the pieces still needed, by their offsets in the whole text, so a
 * streaming parser can be given one piece at a time and a field's text be cut out of the pieces
 * it spans. Pieces before the first offset still needed are let go.
 */
export class ChunkWindow {
  private pieces: string[] = [];
  /** Offset in the whole text of `pieces[0]`. */
  private start = 0;
  /** Offset just past the last piece appended. */
  end = 0;

  append(piece: string): void {
    this.pieces.push(piece);
    this.end += piece.length;
  }

  /** Lets go of the pieces that end at or before `offset`. */
  release(offset: number): void {
    while (this.pieces.length > 0 && this.start + (this.pieces[0]?.length ?? 0) <= offset) {
      this.start += this.pieces[0]?.length ?? 0;
      this.pieces.shift();
    }
  }

  /**
   * The text between two offsets of the whole document (String.prototype.slice's rules for a start
   * past the end), as a string of its own: it pins none of the pieces it was cut from.
   */
  slice(from: number, to: number): string {
    const first = Math.max(from, this.start);
    const last = Math.min(to, this.end);
    if (from < this.start) throw new RangeError(`offset ${from} was released (the window starts at ${this.start})`);
    if (last <= first) return '';
    let text = '';
    let offset = this.start;
    for (const piece of this.pieces) {
      const pieceEnd = offset + piece.length;
      if (pieceEnd > first && offset < last) text += piece.slice(Math.max(0, first - offset), Math.min(piece.length, last - offset));
      if (pieceEnd >= last) break;
      offset = pieceEnd;
    }
    return detached(text);
  }
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a slice (13
 * characters or more) as a view of its parent, so a short title sliced from a 4 MB document would
 * keep the whole document alive; prepending one character and slicing it off again forces a fresh
 * flat string of the text's own size.
 */
export function detached(text: string): string {
  return text.length === 0 ? '' : ` ${text}`.slice(1);
}

/** The last pieces of a text read piece by piece, at least `keep` characters of it when it is that long. */
export class TailKeeper {
  private pieces: string[] = [];
  private length = 0;
  /** True while no piece has been let go: the tail is then the whole text. */
  whole = true;

  private readonly keep: number;

  constructor(keep: number) {
    this.keep = keep;
  }

  add(piece: string): void {
    this.pieces.push(piece);
    this.length += piece.length;
    while (this.pieces.length > 1 && this.length - (this.pieces[0]?.length ?? 0) >= this.keep) {
      this.length -= this.pieces[0]?.length ?? 0;
      this.pieces.shift();
      this.whole = false;
    }
  }

  text(): string {
    return this.pieces.join('');
  }
}

// Text decoded in one go up to this length; longer text is decoded a segment at a time.
const SEGMENT_CHARACTERS = 64 * 1024;

/**
 * `decode` (an entity decoder of the `entities` library) applied to a long text a segment at a
 * time, each result flattened before the next: the library builds its result by appending piece
 * after piece, which for a text dense in entities is a chain of small strings several times the
 * text's size. Segments end just before an `&`, which no entity reference contains, so the result
 * is the same as decoding the whole text at once.
 */
export function decodeInSegments(decode: (text: string) => string, text: string): string {
  if (text.length <= SEGMENT_CHARACTERS) return decode(text);
  let decoded = '';
  for (let start = 0; start < text.length; ) {
    const next = start + SEGMENT_CHARACTERS >= text.length ? -1 : text.indexOf('&', start + SEGMENT_CHARACTERS);
    const end = next < 0 ? text.length : next;
    decoded += flattened(decode(text.slice(start, end)));
    start = end;
  }
  return decoded;
}

/** The same text as one flat string (a regular expression reads its subject flattened, in place). */
function flattened(text: string): string {
  FLATTEN.test(text);
  return text;
}
const FLATTEN = /^/;
