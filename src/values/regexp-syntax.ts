// Racket's regexp pattern language (`regexp` and `pregexp` syntax) parsed
// into a small tree, with Racket 8.7's error messages. The tree is what the
// translator (regexp-js.ts) turns into a JavaScript RegExp source.
//
// A pattern is a sequence of units: code points for a string pattern, bytes
// for a byte-string pattern. Case-insensitive mode is resolved here: a
// literal or a bracketed range parsed under `(?i:` already holds every case
// variant, so the translator never needs JS's `i` flag.

/** Sorted, non-overlapping, non-adjacent inclusive ranges of units. */
export type Ranges = [number, number][];

export type Node =
  | { k: 'empty' }
  | { k: 'seq'; items: Node[] }
  | { k: 'alt'; items: Node[] }
  | { k: 'set'; ranges: Ranges; negated: boolean }
  | { k: 'any'; multi: boolean }
  | { k: 'bol'; multi: boolean }
  | { k: 'eol'; multi: boolean }
  | { k: 'group'; n: number; body: Node }
  | { k: 'atomic'; body: Node }
  | { k: 'look'; behind: boolean; negated: boolean; body: Node }
  | { k: 'cond'; test: number | Node; yes: Node; no: Node }
  | { k: 'repeat'; body: Node; min: number; max: number; greedy: boolean; checked: boolean }
  | { k: 'backref'; n: number }
  | { k: 'wordb'; negated: boolean }
  | { k: 'prop'; name: string; negated: boolean };

export interface ParsedRegexp {
  readonly tree: Node;
  /** The number of capturing groups. */
  readonly groups: number;
}

/** A malformed pattern; `message` is Racket's text without the `who:` prefix and `pattern:` field. */
export class RegexpSyntaxError extends Error {}

const MAX_UNIT = { chars: 0x10ffff, bytes: 0xff };

/** Unicode general categories `\p{...}` accepts (`L&` and `.` are handled apart). */
const CATEGORIES = new Set([
  'Ll',
  'Lu',
  'Lt',
  'Lm',
  'Lo',
  'L',
  'Nd',
  'Nl',
  'No',
  'N',
  'Ps',
  'Pe',
  'Pi',
  'Pf',
  'Pc',
  'Pd',
  'Po',
  'P',
  'Mn',
  'Mc',
  'Me',
  'M',
  'Sc',
  'Sk',
  'Sm',
  'So',
  'S',
  'Zl',
  'Zp',
  'Zs',
  'Z',
  'Cc',
  'Cf',
  'Cs',
  'Cn',
  'Co',
  'C',
  'L&',
  '.',
]);

const cp = (s: string): number => s.codePointAt(0)!;
const DIGITS: Ranges = [[48, 57]];
const WORD: Ranges = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const SPACE: Ranges = [
  [9, 10],
  [12, 13],
  [32, 32],
];

const POSIX: Record<string, Ranges> = {
  alpha: [
    [65, 90],
    [97, 122],
  ],
  upper: [[65, 90]],
  lower: [[97, 122]],
  digit: DIGITS,
  xdigit: [
    [48, 57],
    [65, 70],
    [97, 102],
  ],
  alnum: [
    [48, 57],
    [65, 90],
    [97, 122],
  ],
  word: WORD,
  blank: [
    [9, 9],
    [32, 32],
  ],
  space: SPACE,
  graph: [[33, 126]],
  print: [
    [9, 9],
    [32, 126],
  ],
  cntrl: [[0, 31]],
  ascii: [[0, 127]],
};

interface Mode {
  readonly ci: boolean;
  readonly multi: boolean;
}

/** Parses `units` as a `regexp` (px = false) or `pregexp` (px = true) pattern. */
export function parseRegexp(units: readonly number[], px: boolean, bytes: boolean): ParsedRegexp {
  const p = new Parser(units, px, bytes);
  const tree = p.parseTop();
  validate(tree, p.groupCount);
  return { tree, groups: p.groupCount };
}

function fail(message: string): never {
  throw new RegexpSyntaxError(message);
}

class Parser {
  pos = 0;
  groupCount = 0;

  constructor(
    private readonly s: readonly number[],
    private readonly px: boolean,
    private readonly bytes: boolean,
  ) {}

  private peek(offset = 0): number {
    return this.pos + offset < this.s.length ? this.s[this.pos + offset] : -1;
  }

  private at(ch: string, offset = 0): boolean {
    return this.peek(offset) === cp(ch);
  }

  parseTop(): Node {
    const r = this.parseAlternation({ ci: false, multi: false });
    if (this.pos < this.s.length) fail('unmatched `)` in pattern'); // only a `)` stops an alternation early
    return r;
  }

  /** Regexp ::= Pces | Regexp|Regexp, up to a `)` or the end. */
  private parseAlternation(mode: Mode): Node {
    const items = [this.parsePces(mode)];
    while (this.at('|')) {
      this.pos++;
      items.push(this.parsePces(mode));
    }
    return items.length === 1 ? items[0] : { k: 'alt', items };
  }

  private parsePces(mode: Mode): Node {
    const items: Node[] = [];
    while (this.pos < this.s.length && !this.at('|') && !this.at(')')) items.push(this.parsePce(mode));
    return items.length === 0 ? { k: 'empty' } : items.length === 1 ? items[0] : { k: 'seq', items };
  }

  private parsePce(mode: Mode): Node {
    const atom = this.parseAtom(mode);
    let node: Node = atom;
    const c = this.peek();
    if (c === cp('*') || c === cp('+') || c === cp('?')) {
      this.pos++;
      const greedy = !this.nonGreedy();
      const [min, max] = c === cp('*') ? [0, Infinity] : c === cp('+') ? [1, Infinity] : [0, 1];
      node = { k: 'repeat', body: atom, min, max, greedy, checked: c !== cp('?') };
    } else if (this.px && c === cp('{')) {
      this.pos++;
      const [min, max] = this.parseBounds();
      const greedy = !this.nonGreedy();
      node = { k: 'repeat', body: atom, min, max, greedy, checked: true };
    } else {
      return atom;
    }
    const next = this.peek();
    if (next === cp('*') || next === cp('+') || next === cp('?')) fail(`nested \`${String.fromCodePoint(next)}\` in patten`);
    if (this.px && next === cp('{')) fail('nested `{` in pattern');
    return node;
  }

  private nonGreedy(): boolean {
    if (this.at('?')) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** After `{`: `N}`, `N,}`, `,M}`, `N,M}` or `}`. */
  private parseBounds(): [number, number] {
    const bad = (): never => fail("expected digit, `,`, or `}' for repetition specification started with `{`");
    const n = this.digits();
    if (this.at('}')) {
      this.pos++;
      return [n ?? 0, n ?? 0]; // `{}` is `{0}` in Racket 8.7
    }
    if (!this.at(',')) bad();
    this.pos++;
    const m = this.digits();
    if (!this.at('}')) bad();
    this.pos++;
    return [n ?? 0, m ?? Infinity];
  }

  private digits(): number | null {
    let n: number | null = null;
    while (this.peek() >= 48 && this.peek() <= 57) {
      n = (n ?? 0) * 10 + (this.peek() - 48);
      this.pos++;
    }
    return n;
  }

  private parseAtom(mode: Mode): Node {
    const c = this.s[this.pos];
    switch (c) {
      case cp('('):
        this.pos++;
        return this.parseParen(mode);
      case cp('['):
        this.pos++;
        return this.parseBracket(mode);
      case cp('.'):
        this.pos++;
        return { k: 'any', multi: mode.multi };
      case cp('^'):
        this.pos++;
        return { k: 'bol', multi: mode.multi };
      case cp('$'):
        this.pos++;
        return { k: 'eol', multi: mode.multi };
      case cp('*'):
      case cp('+'):
      case cp('?'):
        return fail(`\`${String.fromCodePoint(c)}\` follows nothing in pattern`);
      case cp('\\'):
        this.pos++;
        return this.parseEscape(mode);
    }
    if (this.px) {
      if (c === cp('{')) fail('`{` follows nothing in pattern');
      if (c === cp('}')) fail('unmatched `}` in pattern');
      if (c === cp(']')) fail('unmatched `]` in pattern');
    }
    this.pos++;
    return this.literal(c, mode);
  }

  private literal(c: number, mode: Mode): Node {
    if (!mode.ci) return { k: 'set', ranges: [[c, c]], negated: false };
    return { k: 'set', ranges: caseFold([[c, c]], this.bytes), negated: false };
  }

  /** After `\` outside brackets. */
  private parseEscape(mode: Mode): Node {
    if (this.pos >= this.s.length) return this.literal(0, mode); // a `\` at the end matches NUL
    const c = this.s[this.pos++];
    if (!this.px) return this.literal(c, mode);
    if (c >= 48 && c <= 57) {
      this.pos--;
      return { k: 'backref', n: this.digits()! };
    }
    const cls = classEscape(c);
    if (cls !== null) return { k: 'set', ranges: cls, negated: false };
    if (c === cp('b') || c === cp('B')) return { k: 'wordb', negated: c === cp('B') };
    if (c === cp('p') || c === cp('P')) return this.parseProperty(String.fromCharCode(c));
    if (isAsciiLetter(c)) fail('illegal alphabetic escape');
    return this.literal(c, mode);
  }

  /** After `\p` or `\P` (`letter`). */
  private parseProperty(letter: string): Node {
    let negated = letter === 'P';
    if (!this.at('{')) fail(`expected \`{\` after \`\\${letter}\``);
    const start = ++this.pos;
    while (this.pos < this.s.length && !this.at('}')) this.pos++;
    if (this.pos >= this.s.length) fail(`missing \`}\` to close \`\\${letter}{\``);
    let name = String.fromCodePoint(...this.s.slice(start, this.pos));
    this.pos++;
    if (name.startsWith('^')) {
      negated = !negated;
      name = name.slice(1);
    }
    if (!CATEGORIES.has(name)) fail(`unrecognized property name in \`\\${letter}{}\`: \`${name}\``);
    return { k: 'prop', name, negated };
  }

  /** After `(`. */
  private parseParen(mode: Mode): Node {
    if (this.pos >= this.s.length) fail('missing closing parenthesis in pattern');
    if (!this.at('?')) {
      const n = ++this.groupCount;
      return { k: 'group', n, body: this.closed(this.parseAlternation(mode)) };
    }
    this.pos++;
    const c = this.peek();
    if (c === cp(':')) {
      this.pos++;
      return this.closed(this.parseAlternation(mode));
    }
    if (c === cp('>')) {
      this.pos++;
      return { k: 'atomic', body: this.closed(this.parseAlternation(mode)) };
    }
    if (c === cp('(')) {
      this.pos++;
      return this.parseConditional(mode);
    }
    const look = this.lookKind();
    if (look !== null) return { k: 'look', ...look, body: this.closed(this.parseAlternation(mode)) };
    return this.parseModes(mode);
  }

  /** `=`, `!`, `<=` or `<!` after `(?`, consumed; null when none is there. */
  private lookKind(): { behind: boolean; negated: boolean } | null {
    if (this.at('=') || this.at('!')) return { behind: false, negated: this.s[this.pos++] === cp('!') };
    if (this.at('<') && (this.at('=', 1) || this.at('!', 1))) {
      this.pos += 2;
      return { behind: true, negated: this.s[this.pos - 1] === cp('!') };
    }
    return null;
  }

  private closed(body: Node): Node {
    this.closeParen('expected a closing `)`');
    return body;
  }

  private closeParen(message: string): void {
    if (!this.at(')')) fail(message);
    this.pos++;
  }

  /** `(?` followed by modes and `:`. */
  private parseModes(mode: Mode): Node {
    let { ci, multi } = mode;
    let any = false;
    for (;;) {
      const neg = this.at('-');
      const c = this.peek(neg ? 1 : 0);
      if (c === cp('i')) ci = !neg;
      else if (c === cp('m')) multi = !neg;
      else if (c === cp('s')) multi = neg;
      else break;
      this.pos += neg ? 2 : 1;
      any = true;
    }
    if (!any) fail('expected `:`, `=`, `!`, `<=`, `<!`, `i`, `-i`, `m`, `-m`, `s`, or `-s` after `(?`');
    if (!this.at(':')) {
      fail('expected `:` or another mode after `(?` and a mode sequence;\n a mode is `i`, `-i`, `m`, `-m`, `s`, or `-s`');
    }
    this.pos++;
    return this.closed(this.parseAlternation({ ci, multi }));
  }

  /** After `(?(`: a test, then one or two branches. */
  private parseConditional(mode: Mode): Node {
    let test: number | Node;
    if (this.peek() >= 48 && this.peek() <= 57) {
      test = this.digits()!;
      this.closeParen('expected `)` after `(?(` followed by digits');
    } else {
      let look: ReturnType<typeof this.lookKind> | null = null;
      if (this.at('?')) {
        this.pos++;
        look = this.lookKind();
      }
      if (look === null) fail('expected `(?=`, `(?!`, `(?<`, or digit after `(?(`');
      test = { k: 'look', ...look, body: this.closed(this.parseAlternation(mode)) };
    }
    const yes = this.parsePces(mode);
    let no: Node = { k: 'empty' };
    if (this.at('|')) {
      this.pos++;
      no = this.parsePces(mode);
      if (this.at('|')) fail('expected `)` to close `(?(...)...` after second branch');
    }
    this.closeParen('missing closing parenthesis in pattern');
    return { k: 'cond', test, yes, no };
  }

  /** After `[`. */
  private parseBracket(mode: Mode): Node {
    const negated = this.at('^');
    if (negated) this.pos++;
    let lits: Ranges = [];
    let classes: Ranges = [];
    const missing = (): never => fail('missing closing square bracket in pattern');
    const misplaced = (): never => fail('misplaced hyphen within square brackets in pattern');
    // A leading `]` or `-` is literal and cannot start a range.
    let first = true;
    // Whether the previous item can start a range (a single literal) and which.
    let prevLit = -1;
    for (;;) {
      if (this.pos >= this.s.length) missing();
      const c = this.s[this.pos];
      if (c === cp(']') && !first) {
        this.pos++;
        break;
      }
      if (c === cp('-') && !first) {
        // `-` just before `]` is literal; otherwise it must follow a single literal.
        if (this.at(']', 1)) {
          this.pos++;
          lits.push([c, c]);
          continue;
        }
        if (this.pos + 1 >= this.s.length) missing();
        if (prevLit < 0) misplaced();
        this.pos++;
        const hi = this.rangeEnd(misplaced);
        if (hi < prevLit) fail('invalid range within square brackets in pattern');
        lits.push([prevLit, hi]);
        prevLit = -1;
        continue;
      }
      const wasFirst = first;
      first = false;
      if (this.px && c === cp('\\')) {
        this.pos++;
        if (this.pos >= this.s.length) missing();
        const e = this.s[this.pos++];
        const cls = classEscape(e);
        if (cls !== null) {
          classes = classes.concat(cls);
          prevLit = -1;
          continue;
        }
        if (isAsciiLetter(e)) fail('illegal alphabetic escape');
        lits.push([e, e]);
        prevLit = e;
        continue;
      }
      if (this.px && c === cp('[') && this.at(':', 1)) {
        const posix = this.posixClass();
        if (posix !== null) {
          classes = classes.concat(posix);
          prevLit = -1;
          continue;
        }
      }
      this.pos++;
      lits.push([c, c]);
      prevLit = wasFirst && (c === cp(']') || c === cp('-')) ? -1 : c;
    }
    if (mode.ci) lits = caseFold(normalize(lits), this.bytes);
    return { k: 'set', ranges: normalize(lits.concat(classes)), negated };
  }

  /** The end of a range after `-`: a literal (in px, possibly `\`-escaped). */
  private rangeEnd(misplaced: () => never): number {
    const c = this.s[this.pos];
    if (this.px && c === cp('\\')) {
      const e = this.peek(1);
      if (e < 0) fail('missing closing square bracket in pattern');
      if (classEscape(e) !== null) misplaced();
      if (isAsciiLetter(e)) fail('illegal alphabetic escape');
      this.pos += 2;
      return e;
    }
    if (this.px && c === cp('[') && this.at(':', 1)) {
      const save = this.pos;
      if (this.posixClass() !== null) misplaced();
      this.pos = save;
    }
    this.pos++;
    return c;
  }

  /** `[:name:]` at the current position, consumed; null (nothing consumed) when it is not one. */
  private posixClass(): Ranges | null {
    let end = this.pos + 2;
    while (end < this.s.length && this.s[end] >= 97 && this.s[end] <= 122) end++;
    if (this.s[end] !== cp(':') || this.s[end + 1] !== cp(']')) return null;
    const name = String.fromCharCode(...this.s.slice(this.pos + 2, end));
    const r = POSIX[name];
    if (r === undefined) return null;
    this.pos = end + 2;
    return r;
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `\d \D \w \W \s \S` as ranges, or null for another letter. */
function classEscape(c: number): Ranges | null {
  switch (String.fromCharCode(c)) {
    case 'd':
      return DIGITS;
    case 'D':
      return complement(DIGITS, MAX_UNIT.chars);
    case 'w':
      return WORD;
    case 'W':
      return complement(WORD, MAX_UNIT.chars);
    case 's':
      return SPACE;
    case 'S':
      return complement(SPACE, MAX_UNIT.chars);
  }
  return null;
}

/** Sorts and merges overlapping or adjacent ranges. */
export function normalize(r: Ranges): Ranges {
  const sorted = r.map((x) => [x[0], x[1]] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: Ranges = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && x[0] <= last[1] + 1) last[1] = Math.max(last[1], x[1]);
    else out.push(x);
  }
  return out;
}

/** The units in [0, max] not in the normalized ranges `r`. */
export function complement(r: Ranges, max: number): Ranges {
  const out: Ranges = [];
  let next = 0;
  for (const [lo, hi] of r) {
    if (lo > next) out.push([next, Math.min(lo - 1, max)]);
    next = hi + 1;
  }
  if (next <= max) out.push([next, max]);
  return out;
}

// The highest code point with a case mapping; larger ones fold to themselves.
const LAST_CASED = 0x1e943;

/** The ranges plus every character's simple upper- and lowercase (ASCII only for bytes). */
function caseFold(r: Ranges, bytes: boolean): Ranges {
  const extra: Ranges = [];
  for (const [lo, hi] of r) {
    for (let c = lo; c <= Math.min(hi, bytes ? 127 : LAST_CASED); c++) {
      if (bytes) {
        if (c >= 65 && c <= 90) extra.push([c + 32, c + 32]);
        else if (c >= 97 && c <= 122) extra.push([c - 32, c - 32]);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = String.fromCodePoint(c);
      for (const v of [s.toUpperCase(), s.toLowerCase()]) {
        const u = v.codePointAt(0)!;
        // Only simple (one-character) mappings count, as with char-upcase.
        if (u !== c && v.length === (u > 0xffff ? 2 : 1)) extra.push([u, u]);
      }
    }
  }
  return extra.length === 0 ? r : normalize(r.concat(extra));
}

// ---------------------------------------------------------------------------
// Racket's syntactic constraints, checked on the whole tree after parsing:
// a `*`, `+` or `{...}` operand must not match empty, a lookbehind must match
// a bounded length, and a backreference must name an existing group.

function validate(tree: Node, groups: number): void {
  // Group minimum lengths: the fixpoint that maximizes non-emptiness, so start
  // by assuming every backreference is non-empty.
  const groupMin = new Array<number>(groups + 1).fill(1);
  for (let round = 0; round < 4; round++) {
    let changed = false;
    lengths(
      tree,
      groupMin,
      groups,
      (n, min) => {
        if (groupMin[n] !== min) {
          groupMin[n] = min;
          changed = true;
        }
      },
      false,
    );
    if (!changed) break;
  }
  lengths(tree, groupMin, groups, () => undefined, true);
}

/** [min, max] units that `node` matches (the backtracker's lookbehind tries each length in that range). */
export function matchLengths(node: Node): [number, number] {
  return lengths(node, [], 0, () => undefined, false);
}

/** [min, max] lengths of what `node` matches; with `check`, raises Racket's errors. */
function lengths(
  node: Node,
  groupMin: number[],
  groups: number,
  setGroup: (n: number, min: number) => void,
  check: boolean,
): [number, number] {
  const rec = (n: Node) => lengths(n, groupMin, groups, setGroup, check);
  switch (node.k) {
    case 'empty':
    case 'bol':
    case 'eol':
    case 'wordb':
      return [0, 0];
    case 'set':
    case 'any':
    case 'prop':
      return [1, 1];
    case 'seq': {
      let min = 0;
      let max = 0;
      for (const i of node.items) {
        const [a, b] = rec(i);
        min += a;
        max += b;
      }
      return [min, max];
    }
    case 'alt': {
      let min = Infinity;
      let max = 0;
      for (const i of node.items) {
        const [a, b] = rec(i);
        min = Math.min(min, a);
        max = Math.max(max, b);
      }
      return [min, max];
    }
    case 'group': {
      const r = rec(node.body);
      setGroup(node.n, r[0] > 0 ? 1 : 0);
      return r;
    }
    case 'atomic':
      return rec(node.body);
    case 'look': {
      const [, max] = rec(node.body);
      if (check && node.behind && max === Infinity) fail('lookbehind pattern does not match a bounded length');
      return [0, 0];
    }
    case 'cond': {
      if (typeof node.test === 'number') {
        if (check && node.test > groups) fail('backreference number is larger than the highest-numbered cluster');
      } else {
        rec(node.test);
      }
      const [a, b] = rec(node.yes);
      const [c, d] = rec(node.no);
      return [Math.min(a, c), Math.max(b, d)];
    }
    case 'repeat': {
      const [a, b] = rec(node.body);
      if (check && node.checked && a === 0) fail('`*`, `+`, or `{...}` operand could be empty');
      return [a * node.min, node.max === 0 || b === 0 ? 0 : b * node.max];
    }
    case 'backref':
      if (check && node.n > groups) fail('backreference number is larger than the highest-numbered cluster');
      return [node.n <= groups ? groupMin[node.n] : 0, Infinity];
  }
}
