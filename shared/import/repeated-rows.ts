/**
 * Rows a file repeats. A broker file that lists a row twice (two exports pasted into one, a section
 * printed again) would count the position twice, and nothing else in the import notices: both rows
 * are well formed. Two tax lots of one security differ in some cell (a date, a cost), so a row
 * identical to an earlier one, every cell, is worth a look.
 *
 * Each row is remembered by two independent 32-bit hashes and its line, never by its text: 12 bytes
 * a row, 12 MB a million rows, where their text would take a hundred. Two different rows share both
 * hashes about once in 10^8 files of a million rows, and the check only asks the user to look, so
 * that is the chance of a needless question, not of a wrong figure.
 *
 * Cost, measured on the bench's million rows: the parsing thread works about 0.3 s more (2.59-2.79 s
 * of CPU against 2.28-2.35 s), 0.15 s of it hashing each record as the file wrote it (its cells one
 * by one took three times that), 0.1 s sorting the hashes once at the end, where looking each row
 * up in a hash table as it came (16 MB of random reads) took 0.2 s.
 */

/** Rows per block: blocks, not one growing array, so no copy doubles the memory as the file grows. */
const BLOCK_ROWS = 1 << 16;

/** The rows that repeat an earlier one: how many, and the first of them with the line it repeats. */
export interface Repeats {
  count: number;
  line: number;
  earlierLine: number;
}

export class RepeatedRows {
  /** Each block: a row's first hash, second hash and line, side by side. */
  private readonly blocks: Uint32Array[] = [];
  private size = 0;

  /** Remembers the record text[start, end), its line break aside. */
  addText(text: string, start: number, end: number, line: number): void {
    while (end > start && (text.charCodeAt(end - 1) === 0x0a || text.charCodeAt(end - 1) === 0x0d)) end--;
    let h1 = 0x811c9dc5;
    let h2 = 0;
    for (let j = start; j < end; j++) {
      const c = text.charCodeAt(j);
      h1 = Math.imul(h1 ^ c, 0x01000193); // FNV-1a
      h2 = (Math.imul(h2, 31) + c) | 0; // polynomial
    }
    this.push(h1, h2, line);
  }

  /** Remembers a row by its cells (a workbook's rows have no text). */
  addCells(cells: readonly string[], line: number): void {
    let h1 = 0x811c9dc5;
    let h2 = 0;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i] as string;
      // Each cell closed by 0x1f, so ["ab", "c"] is not ["a", "bc"].
      for (let j = 0; j <= cell.length; j++) {
        const c = j < cell.length ? cell.charCodeAt(j) : 0x1f;
        h1 = Math.imul(h1 ^ c, 0x01000193);
        h2 = (Math.imul(h2, 31) + c) | 0;
      }
    }
    this.push(h1, h2, line);
  }

  private push(h1: number, h2: number, line: number): void {
    const at = this.size % BLOCK_ROWS;
    if (at === 0) this.blocks.push(new Uint32Array(BLOCK_ROWS * 3));
    const block = this.blocks[this.blocks.length - 1] as Uint32Array;
    block[at * 3] = h1;
    // The polynomial hash's low bits mix little: spread them (murmur3's finaliser step).
    block[at * 3 + 1] = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b);
    block[at * 3 + 2] = line;
    this.size++;
  }

  /** The rows met so far that repeat an earlier one, or null when none does. */
  repeats(): Repeats | null {
    const n = this.size;
    if (n < 2) return null;
    const blocks = this.blocks;
    const M = BLOCK_ROWS - 1;
    // Rows in order of their first hash, by a stable radix sort of 16 bits a pass: rows of one hash stay in file order.
    const byLow = new Uint32Array(n);
    const order = new Uint32Array(n);
    const counts = new Uint32Array(1 << 16);
    for (let i = 0; i < n; i++) {
      const d = blocks[i >>> 16]![(i & M) * 3]! & 0xffff;
      counts[d] = counts[d]! + 1;
    }
    startsOf(counts);
    for (let i = 0; i < n; i++) {
      const d = blocks[i >>> 16]![(i & M) * 3]! & 0xffff;
      const at = counts[d]!;
      counts[d] = at + 1;
      byLow[at] = i;
    }
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const d = blocks[i >>> 16]![(i & M) * 3]! >>> 16;
      counts[d] = counts[d]! + 1;
    }
    startsOf(counts);
    for (let j = 0; j < n; j++) {
      const i = byLow[j]!;
      const d = blocks[i >>> 16]![(i & M) * 3]! >>> 16;
      const at = counts[d]!;
      counts[d] = at + 1;
      order[at] = i;
    }
    const first = (i: number) => blocks[i >>> 16]![(i & M) * 3]!;
    const second = (i: number) => blocks[i >>> 16]![(i & M) * 3 + 1]!;
    const line = (i: number) => blocks[i >>> 16]![(i & M) * 3 + 2]!;
    let count = 0;
    let found: Repeats | null = null;
    // Within a run of one first hash (nearly always one row), a row whose second hash an earlier row of the run has repeats it.
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && first(order[end]!) === first(order[start]!)) end++;
      if (end - start > 1) {
        const run = Array.from(order.subarray(start, end)).sort((a, b) => second(a) - second(b) || a - b);
        for (let k = 1, head = run[0]!; k < run.length; k++) {
          const row = run[k]!;
          if (second(row) !== second(head)) {
            head = row;
            continue;
          }
          count++;
          if (found === null || line(row) < found.line) found = { count: 0, line: line(row), earlierLine: line(head) };
        }
      }
      start = end;
    }
    return found && { ...found, count };
  }
}

/** Turns counts per digit into where each digit's rows start. */
function startsOf(counts: Uint32Array): void {
  let sum = 0;
  for (let d = 0; d < counts.length; d++) {
    const c = counts[d]!;
    counts[d] = sum;
    sum += c;
  }
}
