// Matched words without markup: the engine marks them with two control characters that can
// never occur in our documents (clean() and the schemas keep control characters out), and
// segments() turns the marked text into plain and matched parts. A page renders each part as
// text, so a company's hostile product name cannot become markup through highlighting.
export const HIGHLIGHT_PRE = '\u0001';
export const HIGHLIGHT_POST = '\u0002';

export type Segment = { text: string; match: boolean };

/** Splits engine-marked text into plain and matched segments; stray marks are dropped. */
export function segments(marked: string): Segment[] {
  const out: Segment[] = [];
  let match = false;
  let text = '';
  const flush = () => {
    if (text) out.push({ text, match });
    text = '';
  };
  for (const ch of marked) {
    if (ch === HIGHLIGHT_PRE) { flush(); match = true; } else if (ch === HIGHLIGHT_POST) { flush(); match = false; } else text += ch;
  }
  flush();
  return out;
}
