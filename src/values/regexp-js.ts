// Translation of a parsed Racket regexp (regexp-syntax.ts) to the source of
// an equivalent JavaScript RegExp.
//
// Two targets: 'chars' (used with the `u` flag, one unit per code point) for
// string regexps, and 'bytes' (no `u` flag, the subject is a latin-1 string
// with one char per byte) for byte regexps. Where the languages differ:
// - `.` matches a newline unless in multi mode: `[^]` / `[^\n]`;
// - `^`/`$` in multi mode mean after/before `\n` only, not JS's other line
//   terminators: `(?<![^\n])` / `(?![^\n])`;
// - `(?>...)` becomes `(?=(...))\N`, which costs an extra JS group, so Racket
//   group numbers are mapped to JS ones;
// - `(?(test)yes|no)` with a lookaround test becomes
//   `(?:(?=test)yes|(?!test)no)`.
// In 'chars' mode, lone surrogates stand for bytes that are not valid UTF-8
// (see regexp.ts), so `.` and negated sets never match them.

import { complement, normalize, type Node, type Ranges } from './regexp-syntax.js';

export type Target = 'chars' | 'bytes';

export interface Translation {
  readonly source: string;
  /** JS group index of each Racket group (index 0 unused). */
  readonly groupMap: readonly number[];
}

/**
 * The JS source for `tree`. JS group numbers start after `groupOffset`
 * groups that the caller puts before the translated pattern.
 */
export function translate(tree: Node, groups: number, target: Target, groupOffset = 0): Translation {
  const groupMap = new Array<number>(groups + 1).fill(0);
  const atomicGroups = new Map<Node, number>();
  let next = groupOffset + 1;
  const number = (n: Node): void => {
    switch (n.k) {
      case 'group':
        groupMap[n.n] = next++;
        number(n.body);
        return;
      case 'atomic':
        atomicGroups.set(n, next++);
        number(n.body);
        return;
      case 'seq':
      case 'alt':
        n.items.forEach(number);
        return;
      case 'look':
      case 'repeat':
        number(n.body);
        return;
      case 'cond':
        if (typeof n.test !== 'number') number(n.test);
        number(n.yes);
        number(n.no);
        return;
    }
  };
  number(tree);
  const emitter = new Emitter(target, groupMap, atomicGroups);
  return { source: emitter.emit(tree, true), groupMap };
}

const SURROGATES = '\\u{d800}-\\u{dfff}';
const NEVER = '(?!)';

class Emitter {
  constructor(
    private readonly target: Target,
    private readonly groupMap: readonly number[],
    private readonly atomicGroups: ReadonlyMap<Node, number>,
  ) {}

  /** `capture` false emits groups as non-capturing (a second copy of a conditional's test). */
  emit(n: Node, capture: boolean): string {
    switch (n.k) {
      case 'empty':
        return '';
      case 'seq':
        return n.items.map((i) => this.emit(i, capture)).join('');
      case 'alt':
        return '(?:' + n.items.map((i) => this.emit(i, capture)).join('|') + ')';
      case 'set':
        return this.set(n.ranges, n.negated);
      case 'any':
        if (this.target === 'bytes') return n.multi ? '[^\\n]' : '[^]';
        return n.multi ? `[^\\n${SURROGATES}]` : `[^${SURROGATES}]`;
      case 'bol':
        return n.multi ? '(?<![^\\n])' : '^';
      case 'eol':
        return n.multi ? '(?![^\\n])' : '$';
      case 'group':
        return (capture ? '(' : '(?:') + this.emit(n.body, capture) + ')';
      case 'atomic': {
        const body = this.emit(n.body, capture);
        return capture ? `(?=(${body}))\\${this.atomicGroups.get(n)!}` : `(?:${body})`;
      }
      case 'look':
        return '(?' + (n.behind ? '<' : '') + (n.negated ? '!' : '=') + this.emit(n.body, capture) + ')';
      case 'cond':
        return this.conditional(n, capture);
      case 'repeat':
        return this.repeat(n, capture);
      case 'backref':
        return n.n === 0 ? NEVER : `(?:\\${this.groupMap[n.n]})`;
      case 'wordb':
        return n.negated ? '\\B' : '\\b';
      case 'prop':
        return this.property(n.name, n.negated);
    }
  }

  private conditional(n: Extract<Node, { k: 'cond' }>, capture: boolean): string {
    const yes = this.emit(n.yes, capture);
    const no = this.emit(n.no, capture);
    // A group-number test has no JS counterpart; prefer the first branch.
    if (typeof n.test === 'number') return `(?:${yes}|${no})`;
    const look = n.test as Extract<Node, { k: 'look' }>;
    const test = this.emit(look, capture);
    const opposite = this.emit({ ...look, negated: !look.negated }, false);
    return `(?:${test}${yes}|${opposite}${no})`;
  }

  private repeat(n: Extract<Node, { k: 'repeat' }>, capture: boolean): string {
    if (n.min > n.max) return NEVER;
    const b = n.body;
    let body = this.emit(b, capture);
    const atomic = b.k === 'set' || b.k === 'any' || b.k === 'group' || b.k === 'backref' || b.k === 'prop' || b.k === 'alt';
    if (!atomic) body = `(?:${body})`;
    let q: string;
    if (n.min === 0 && n.max === Infinity) q = '*';
    else if (n.min === 1 && n.max === Infinity) q = '+';
    else if (n.min === 0 && n.max === 1) q = '?';
    else if (n.max === Infinity) q = `{${n.min},}`;
    else if (n.min === n.max) q = `{${n.min}}`;
    else q = `{${n.min},${n.max}}`;
    return body + q + (n.greedy ? '' : '?');
  }

  private unit(c: number): string {
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return String.fromCharCode(c);
    if (this.target === 'bytes') return '\\x' + c.toString(16).padStart(2, '0');
    return `\\u{${c.toString(16)}}`;
  }

  private set(ranges: Ranges, negated: boolean): string {
    if (this.target === 'bytes') ranges = clip(ranges, 0xff);
    if (!negated && ranges.length === 1 && ranges[0][0] === ranges[0][1]) return this.unit(ranges[0][0]);
    let out = negated ? '[^' : '[';
    for (const [lo, hi] of ranges) out += lo === hi ? this.unit(lo) : this.unit(lo) + '-' + this.unit(hi);
    if (negated && this.target === 'chars') out += SURROGATES;
    return out + ']';
  }

  private property(name: string, negated: boolean): string {
    if (this.target === 'bytes') {
      // Only ASCII characters are single bytes; a byte regexp's `\p{..}` is
      // approximated by the ASCII members of the category.
      const ascii = asciiMembers(name);
      return this.set(negated ? complement(ascii, 0xff) : ascii, false);
    }
    if (name === '.') return negated ? `[^${SURROGATES}]` : '[]';
    const body = name === 'L&' ? '\\p{Ll}\\p{Lu}\\p{Lt}\\p{Lm}' : `\\p{${name}}`;
    return negated ? `[^${body}]` : `[${body}]`;
  }
}

function clip(r: Ranges, max: number): Ranges {
  const out: Ranges = [];
  for (const [lo, hi] of r) if (lo <= max) out.push([lo, Math.min(hi, max)]);
  return out;
}

const asciiCache = new Map<string, Ranges>();

function asciiMembers(name: string): Ranges {
  let r = asciiCache.get(name);
  if (r === undefined) {
    r = [];
    if (name !== '.') {
      const re = new RegExp(name === 'L&' ? '[\\p{Ll}\\p{Lu}\\p{Lt}\\p{Lm}]' : `\\p{${name}}`, 'u');
      for (let c = 0; c < 128; c++) if (re.test(String.fromCharCode(c))) r.push([c, c]);
    }
    r = normalize(r);
    asciiCache.set(name, r);
  }
  return r;
}
