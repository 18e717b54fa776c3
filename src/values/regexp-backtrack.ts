// A backtracking matcher over a parsed Racket regexp (regexp-syntax.ts),
// with Racket's semantics where JavaScript's RegExp differs:
// - a group keeps its last successful capture across the iterations of an
//   enclosing repetition (JS forgets it when an iteration skips the group);
// - a backreference to a group that has not matched fails (JS matches "");
// - `(?(n)yes|no)` tests whether group n has matched;
// - lookbehind sees an input prefix that lies before the match start;
// - the input may be incomplete (a port): reading past what has arrived
//   throws NEED_MORE, and the caller waits for more and runs the match again.
//
// The input is a sequence of units: code points for a string regexp, bytes
// for a byte regexp. A unit at or above INVALID_UNIT stands for a byte that is
// not part of a UTF-8 encoding; no set, `.` or property matches it.

import { matchLengths, type Node, type ParsedRegexp, type Ranges } from './regexp-syntax.js';

export const INVALID_UNIT = 0x110000;

/** Thrown when the match needs units beyond what has arrived. */
export const NEED_MORE = { needMore: true };

export interface UnitInput {
  /** Units; [0, start) is the lookbehind prefix. */
  readonly units: ArrayLike<number>;
  /** The first index a match may start at. */
  readonly start: number;
  /** How many units there are. */
  readonly end: number;
  /** No units come after `end`. */
  readonly final: boolean;
}

type Cont = (i: number) => boolean;
type Matcher = (i: number, k: Cont) => boolean;

interface State {
  input: UnitInput;
  caps: Int32Array;
}

/** Matches a compiled regexp; `search` returns the capture array (2 per group, -1 unset) or null. */
export class Backtracker {
  private readonly state: State = { input: { units: [], start: 0, end: 0, final: true }, caps: new Int32Array(0) };
  private readonly top: Matcher;

  constructor(
    private readonly parsed: ParsedRegexp,
    private readonly bytes: boolean,
  ) {
    this.top = this.compile(parsed.tree);
  }

  /**
   * The leftmost match starting in [from, input.end], or null. A match that
   * starts at `nonEmptyAt` must not be empty there.
   */
  search(input: UnitInput, from: number = input.start, nonEmptyAt = -1): Int32Array | null {
    const st = this.state;
    st.input = input;
    const caps = new Int32Array(2 * (this.parsed.groups + 1));
    st.caps = caps;
    for (let s = from; s <= input.end; s++) {
      caps.fill(-1);
      const found = this.top(s, (e) => {
        if (e === s && s === nonEmptyAt) return false;
        caps[0] = s;
        caps[1] = e;
        return true;
      });
      if (found) return caps;
      // A match could still start at the end once more input arrives.
      if (s === input.end && !input.final) throw NEED_MORE;
    }
    return null;
  }

  private unit(i: number): number {
    const inp = this.state.input;
    if (i < inp.end) return inp.units[i];
    if (!inp.final) throw NEED_MORE;
    return -1;
  }

  private compile(n: Node): Matcher {
    switch (n.k) {
      case 'empty':
        return (i, k) => k(i);
      case 'seq': {
        const items = n.items.map((x) => this.compile(x));
        if (items.length === 0) return (i, k) => k(i);
        const last = items[items.length - 1];
        return items.slice(0, -1).reduceRight<Matcher>((rest, m) => (i, k) => m(i, (j) => rest(j, k)), last);
      }
      case 'alt': {
        const items = n.items.map((x) => this.compile(x));
        return (i, k) => {
          for (const m of items) if (m(i, k)) return true;
          return false;
        };
      }
      case 'set':
      case 'any':
      case 'prop': {
        const test = this.unitTest(n);
        if (n.k === 'prop' && this.bytes) return this.utf8Property(test);
        return (i, k) => {
          const u = this.unit(i);
          return u >= 0 && test(u) && k(i + 1);
        };
      }
      case 'bol':
        return (i, k) => {
          if (i === 0) return k(i);
          return n.multi && this.state.input.units[i - 1] === 10 && k(i);
        };
      case 'eol':
        return (i, k) => {
          const u = this.unit(i);
          return (u < 0 || (n.multi && u === 10)) && k(i);
        };
      case 'wordb':
        return (i, k) => {
          const before = i > 0 && isWord(this.state.input.units[i - 1]);
          const after = isWord(this.unit(i));
          return (before !== after) !== n.negated && k(i);
        };
      case 'group': {
        const body = this.compile(n.body);
        const g = n.n;
        return (i, k) => {
          const caps = this.state.caps;
          const os = caps[2 * g];
          const oe = caps[2 * g + 1];
          if (
            body(i, (j) => {
              const ps = caps[2 * g];
              const pe = caps[2 * g + 1];
              caps[2 * g] = i;
              caps[2 * g + 1] = j;
              if (k(j)) return true;
              caps[2 * g] = ps;
              caps[2 * g + 1] = pe;
              return false;
            })
          ) {
            return true;
          }
          caps[2 * g] = os;
          caps[2 * g + 1] = oe;
          return false;
        };
      }
      case 'atomic': {
        const body = this.compile(n.body);
        return (i, k) => {
          const saved = this.state.caps.slice();
          let end = -1;
          const found = body(i, (j) => {
            end = j;
            return true;
          });
          if (!found) return false;
          if (k(end)) return true;
          this.state.caps.set(saved);
          return false;
        };
      }
      case 'look':
        return n.behind ? this.lookbehind(n) : this.lookahead(n);
      case 'cond': {
        const yes = this.compile(n.yes);
        const no = this.compile(n.no);
        if (typeof n.test === 'number') {
          const g = n.test;
          return (i, k) => (this.state.caps[2 * g] >= 0 ? yes(i, k) : no(i, k));
        }
        const test = this.compile(n.test);
        return (i, k) => {
          let holds = false;
          test(i, () => {
            holds = true;
            return true;
          });
          return holds ? yes(i, k) : no(i, k);
        };
      }
      case 'repeat':
        return this.repeat(n);
      case 'backref': {
        const g = n.n;
        return (i, k) => {
          const caps = this.state.caps;
          const s = caps[2 * g];
          if (s < 0) return false;
          const len = caps[2 * g + 1] - s;
          const units = this.state.input.units;
          for (let d = 0; d < len; d++) if (this.unit(i + d) !== units[s + d]) return false;
          return k(i + len);
        };
      }
    }
  }

  private lookahead(n: Extract<Node, { k: 'look' }>): Matcher {
    const body = this.compile(n.body);
    return (i, k) => {
      const saved = this.state.caps.slice();
      return this.afterLook(
        body(i, () => true),
        n.negated,
        saved,
        i,
        k,
      );
    };
  }

  private lookbehind(n: Extract<Node, { k: 'look' }>): Matcher {
    const body = this.compile(n.body);
    const [min, max] = matchLengths(n.body);
    return (i, k) => {
      const saved = this.state.caps.slice();
      let matched = false;
      for (let len = min; len <= Math.min(max, i) && !matched; len++) matched = body(i - len, (j) => j === i);
      return this.afterLook(matched, n.negated, saved, i, k);
    };
  }

  /**
   * A look-around's outcome: fails when the body's match contradicts the
   * assertion; otherwise continues at `i`, keeping the body's captures only
   * for a positive assertion, and restores them if the rest fails.
   */
  private afterLook(matched: boolean, negated: boolean, saved: Int32Array, i: number, k: (i: number) => boolean): boolean {
    if (matched === negated) {
      this.state.caps.set(saved);
      return false;
    }
    if (negated) this.state.caps.set(saved);
    if (k(i)) return true;
    this.state.caps.set(saved);
    return false;
  }

  private repeat(n: Extract<Node, { k: 'repeat' }>): Matcher {
    const { min, max, greedy } = n;
    const b = n.body;
    if (b.k === 'set' || b.k === 'any' || (b.k === 'prop' && !this.bytes)) {
      // One unit per iteration: count the run, then back off without recursion.
      const test = this.unitTest(b);
      return (i, k) => {
        if (greedy) {
          let count = 0;
          while (count < max) {
            const u = this.unit(i + count);
            if (u < 0 || !test(u)) break;
            count++;
          }
          for (let c = count; c >= min; c--) if (k(i + c)) return true;
          return false;
        }
        let c = 0;
        for (;;) {
          if (c >= min && k(i + c)) return true;
          if (c >= max) return false;
          const u = this.unit(i + c);
          if (u < 0 || !test(u)) return false;
          c++;
        }
      };
    }
    const body = this.compile(b);
    const step = (count: number, i: number, k: Cont): boolean => {
      const more = (): boolean =>
        count < max &&
        body(i, (j) => {
          // An iteration that matches nothing ends the repetition.
          if (j === i) return count + 1 >= min && k(j);
          return step(count + 1, j, k);
        });
      if (greedy) return more() || (count >= min && k(i));
      return (count >= min && k(i)) || more();
    };
    return (i, k) => step(0, i, k);
  }

  /** The test a single unit must pass for a set, `.` or property. */
  private unitTest(n: Node): (u: number) => boolean {
    if (n.k === 'set') {
      const r = n.ranges;
      const neg = n.negated;
      return (u) => u < INVALID_UNIT && inRanges(r, u) !== neg;
    }
    if (n.k === 'any') {
      if (this.bytes) return n.multi ? (u) => u !== 10 : () => true;
      return n.multi ? (u) => u !== 10 && u < INVALID_UNIT : (u) => u < INVALID_UNIT;
    }
    if (n.k === 'prop') {
      const re = propertyRegExp(n.name);
      const neg = n.negated;
      return (u) => u < INVALID_UNIT && re.test(String.fromCodePoint(u)) !== neg;
    }
    throw new Error('not a unit node');
  }

  /** A `\p{..}` in a byte regexp matches one UTF-8 encoded character. */
  private utf8Property(test: (u: number) => boolean): Matcher {
    return (i, k) => {
      const c = this.unit(i);
      if (c < 0) return false;
      const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
      if (len === 0) return false;
      let cp = len === 1 ? c : c & (0x7f >> len);
      for (let d = 1; d < len; d++) {
        const x = this.unit(i + d);
        if (x < 0 || (x & 0xc0) !== 0x80) return false;
        cp = (cp << 6) | (x & 0x3f);
      }
      return test(cp) && k(i + len);
    };
  }
}

function isWord(u: number): boolean {
  return (u >= 48 && u <= 57) || (u >= 65 && u <= 90) || (u >= 97 && u <= 122) || u === 95;
}

function inRanges(r: Ranges, u: number): boolean {
  let lo = 0;
  let hi = r.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (u < r[mid][0]) hi = mid - 1;
    else if (u > r[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

const propertyCache = new Map<string, RegExp>();

function propertyRegExp(name: string): RegExp {
  let re = propertyCache.get(name);
  if (re === undefined) {
    const body = name === '.' ? '[^]' : name === 'L&' ? '[\\p{Ll}\\p{Lu}\\p{Lt}\\p{Lm}]' : `\\p{${name}}`;
    re = new RegExp(`^${body}$`, 'u');
    propertyCache.set(name, re);
  }
  return re;
}

/**
 * Whether JavaScript's RegExp would report different results than Racket
 * for this tree: groups that an iteration of a repetition may skip,
 * backreferences, and group-number conditionals.
 */
export function needsBacktracker(tree: Node): boolean {
  const walk = (n: Node, inRepeat: boolean, optional: boolean): boolean => {
    switch (n.k) {
      case 'group':
        if (inRepeat && optional) return true;
        return walk(n.body, inRepeat, optional);
      case 'backref':
        return true;
      case 'cond':
        if (typeof n.test === 'number') return true;
        return walk(n.test, inRepeat, true) || walk(n.yes, inRepeat, true) || walk(n.no, inRepeat, true);
      case 'seq':
        return n.items.some((x) => walk(x, inRepeat, optional));
      case 'alt':
        return n.items.some((x) => walk(x, inRepeat, true));
      case 'atomic':
        return walk(n.body, inRepeat, optional);
      case 'look':
        return walk(n.body, inRepeat, true);
      case 'repeat':
        if (n.max > 1) return walk(n.body, true, inRepeat || optional || n.min === 0);
        return walk(n.body, inRepeat, true);
      case 'prop':
        return false;
      default:
        return false;
    }
  };
  return walk(tree, false, false);
}

/** regexp-max-lookbehind: the most bytes before a match position the pattern may look at. */
export function maxLookbehind(tree: Node, bytes: boolean): number {
  const walk = (n: Node): number => {
    switch (n.k) {
      case 'bol':
      case 'wordb':
        return 1;
      case 'look': {
        const inner = walk(n.body);
        return n.behind ? Math.max(inner, byteLengths(n.body, bytes)) : inner;
      }
      case 'seq':
      case 'alt':
        return n.items.reduce((m, x) => Math.max(m, walk(x)), 0);
      case 'group':
      case 'atomic':
      case 'repeat':
        return walk(n.body);
      case 'cond':
        return Math.max(typeof n.test === 'number' ? 0 : walk(n.test), walk(n.yes), walk(n.no));
      default:
        return 0;
    }
  };
  return walk(tree);
}

/** The most bytes `n` can match (its UTF-8 length for a string regexp). */
function byteLengths(n: Node, bytes: boolean): number {
  const unitBytes = (hi: number): number => (bytes || hi < 0x80 ? 1 : hi < 0x800 ? 2 : hi < 0x10000 ? 3 : 4);
  switch (n.k) {
    case 'set':
      if (n.negated || n.ranges.length === 0) return unitBytes(n.negated ? 0x10ffff : 0);
      return unitBytes(n.ranges[n.ranges.length - 1][1]);
    case 'any':
    case 'prop':
      return unitBytes(0x10ffff);
    case 'seq':
      return n.items.reduce((m, x) => m + byteLengths(x, bytes), 0);
    case 'alt':
      return n.items.reduce((m, x) => Math.max(m, byteLengths(x, bytes)), 0);
    case 'group':
    case 'atomic':
      return byteLengths(n.body, bytes);
    case 'repeat':
      return n.max === 0 ? 0 : byteLengths(n.body, bytes) * n.max;
    case 'cond':
      return Math.max(byteLengths(n.yes, bytes), byteLengths(n.no, bytes));
    default:
      return 0;
  }
}
