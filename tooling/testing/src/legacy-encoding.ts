/**
 * Text as Excel saves "CSV" on a Vietnamese Windows: code page 1258, where the letters with a
 * circumflex, breve or horn are single bytes and the five tone marks are combining bytes after
 * them ("ệ" is "ê" + dot below). Built from the platform's own decoder, so tests write the bytes a
 * real file has without a second encoding library.
 */
export function windows1258(text: string): Buffer {
  const decoder = new TextDecoder('windows-1258');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== '\ufffd' && !byChar.has(ch)) byChar.set(ch, b);
  }
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = byChar.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    // A letter with one of its marks as one byte ("ặ" is "ă" + dot below), the other marks after it.
    const [base = '', ...marks] = [...ch.normalize('NFD')];
    const choices = [-1, ...marks.keys()].map((i) => [
      (i < 0 ? base : `${base}${marks[i]}`).normalize('NFC'),
      ...marks.filter((_, j) => j !== i),
    ]);
    const bytes = choices
      .map((pieces) => pieces.map((p) => byChar.get(p)))
      .find((b) => b.every((x) => x !== undefined));
    if (!bytes) throw new Error(`"${ch}" cannot be written in Windows-1258`);
    out.push(...(bytes as number[]));
  }
  return Buffer.from(out);
}
