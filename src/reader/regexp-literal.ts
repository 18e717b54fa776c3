// A `#rx"..."`, `#px"..."`, `#rx#"..."` or `#px#"..."` literal as the reader
// finds it. The regexp library turns it into a regexp value; the reader only
// decodes the string syntax.

export class RegexpLiteral {
  constructor(
    /** The pattern: the decoded string (for byte regexps, each char is one byte, 0-255). */
    readonly source: string,
    /** `#px` rather than `#rx`. */
    readonly pregexp: boolean,
    /** `#rx#"..."` / `#px#"..."`: a byte regexp. */
    readonly bytes: boolean,
  ) {}
}
