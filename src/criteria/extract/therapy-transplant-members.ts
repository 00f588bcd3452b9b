/**
 * A union that names stem-cell transplants beside treatments ("Prior chemotherapy or autologous stem
 * cell transplantation", "allogeneic HSCT, adoptive cell immunotherapy or autologous HSCT within 24
 * months"). The transplants are the medical-history reader's (condition facts say allogeneic or
 * autologous, the treatment kind cannot), so the therapy reader drops them from its union. Its
 * finding must then not span them: the assembler joins overlapping findings with "and", which read
 * the union as all(chemotherapy, transplant) and let in a patient who had only one of them.
 *
 * The finding keeps the words of its own members and of what lies between two of them; it gives up
 * the words from the member before a dropped transplant to the transplant's end (the "or" that
 * parts them, so the assembler reads it), everything before a transplant that opens the list (the
 * cue "Prior history of" stays with the transplant's reading, which starts there too), and everything
 * after a transplant that closes it (a window there is read by both, but spanned by the transplant's
 * reader).
 */
type Span = [number, number];

interface Member {
  start: number;
  end: number;
}

export function withoutDroppedMembers(spans: Span[], kept: Member[], dropped: Member[]): Span[] {
  if (!dropped.length || !kept.length) return spans;
  const cuts: Span[] = [];
  for (const d of dropped) {
    const before = kept.filter((k) => k.end <= d.start);
    const after = kept.filter((k) => k.start >= d.end);
    if (!after.length) cuts.push([d.start, Number.MAX_SAFE_INTEGER]);
    if (before.length) cuts.push([Math.max(...before.map((k) => k.end)), d.end]);
    else cuts.push([Number.MIN_SAFE_INTEGER, Math.min(...after.map((k) => k.start))]);
  }
  let out: Span[] = spans;
  for (const [a, b] of cuts) {
    const next: Span[] = [];
    for (const [s, e] of out) {
      if (e <= a || s >= b) next.push([s, e]);
      else {
        if (s < a) next.push([s, a]);
        if (e > b) next.push([b, e]);
      }
    }
    out = next;
  }
  return out.filter(([s, e]) => e > s);
}
