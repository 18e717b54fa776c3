// Indentation of a continuation line in the terminal REPL: as Racket's
// expression editor starts the next line of an unfinished form, under the
// form's open bracket, two columns in (one for a bracket that opens a
// list of lists, as in `(let ([x 1]`).

/** The spaces that start the next line after `text`, whose last form is unfinished. */
export function indentation(text: string): string {
  const open: { column: number; nested: boolean }[] = [];
  let column = 0;
  let i = 0;
  const n = text.length;
  const advance = (k: number) => {
    for (let j = 0; j < k && i < n; j++, i++) column = text[i] === '\n' ? 0 : column + 1;
  };
  while (i < n) {
    const c = text[i];
    if (c === ';') {
      while (i < n && text[i] !== '\n') advance(1);
    } else if (c === '"' || c === '|') {
      advance(1);
      while (i < n && text[i] !== c) advance(text[i] === '\\' && c === '"' ? 2 : 1);
      advance(1);
    } else if (c === '#' && text[i + 1] === '\\') {
      advance(3);
    } else if (c === '#' && text[i + 1] === '|') {
      let depth = 0;
      do {
        if (text.startsWith('#|', i)) {
          depth++;
          advance(2);
        } else if (text.startsWith('|#', i)) {
          depth--;
          advance(2);
        } else advance(1);
      } while (i < n && depth > 0);
    } else if (c === '(' || c === '[' || c === '{') {
      const next = text[i + 1];
      open.push({ column, nested: next === '(' || next === '[' || next === '{' });
      advance(1);
    } else if (c === ')' || c === ']' || c === '}') {
      open.pop();
      advance(1);
    } else advance(1);
  }
  const top = open[open.length - 1];
  return top === undefined ? '' : ' '.repeat(top.column + (top.nested ? 1 : 2));
}
