/**
 * Sentence boundaries as the therapy readers draw them: at "." or ";" before a space or the end, and
 * at line ends. A decimal point, "e.g." / "i.e." / "vs." and the like end no sentence.
 */
export function therapySentences(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  const re = /[.;](?=\s|$)|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index + 1);
    if (/(?:\be\.g|\bi\.e|\bvs|\betc|\bapprox|\bincl|\bmin|\bmax|\bno|\bdr|\bst|\bfig)\.$/i.test(before)) continue;
    out.push([start, m.index]);
    start = m.index + 1;
  }
  out.push([start, text.length]);
  return out.filter(([s, e]) => /\S/.test(text.slice(s, e)));
}
