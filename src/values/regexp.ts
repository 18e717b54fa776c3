// Regexp values: `regexp`, `pregexp`, `byte-regexp`, `byte-pregexp` and the
// `#rx`/`#px` literals. A value keeps its Racket source and the JS RegExps
// its pattern translates to, compiled once (lazily, per use) and reused by
// every match.

import { customPrint, type PrintContext } from './printable.js';
import { registerEqualHook, registerEqualKeyHook } from './equal.js';
import { Backtracker, maxLookbehind, needsBacktracker } from './regexp-backtrack.js';
import { translate } from './regexp-js.js';
import { parseRegexp, type ParsedRegexp } from './regexp-syntax.js';
import { RBytes, RString, type Value } from './types.js';

export { RegexpSyntaxError } from './regexp-syntax.js';

export class RRegexp {
  /** The whole-match search (flag `g`): strings only. */
  private finder: RegExp | null = null;
  /** The same with match indices (flag `d`). */
  private indexedFinder: RegExp | null = null;
  /** See `nonEmptyMatcher`. */
  private nonEmpty: RegExp | null = null;
  private jsGroups: readonly number[] | null = null;
  private matcher: Backtracker | null = null;
  private jsDiffers: boolean | null = null;

  constructor(
    /** The pattern; for a byte regexp, one char (0-255) per byte. */
    readonly source: string,
    /** `pregexp` syntax rather than `regexp`. */
    readonly px: boolean,
    /** A byte regexp (made from a byte string). */
    readonly bytes: boolean,
    private readonly parsed: ParsedRegexp,
  ) {}

  /** The number of capturing groups. */
  get groups(): number {
    return this.parsed.groups;
  }

  /** The backtracking matcher (regexp-backtrack.ts), made on first use. */
  backtracker(): Backtracker {
    if (this.matcher === null) this.matcher = new Backtracker(this.parsed, this.bytes);
    return this.matcher;
  }

  /** The JS RegExp would report other captures than Racket does: match with the backtracker. */
  get needsBacktracker(): boolean {
    if (this.jsDiffers === null) this.jsDiffers = needsBacktracker(this.parsed.tree) || (this.bytes && hasProperty(this.source));
    return this.jsDiffers;
  }

  /** `regexp-max-lookbehind`. */
  get maxLookbehind(): number {
    return maxLookbehind(this.parsed.tree, this.bytes);
  }

  /** JS group index of each Racket group, in the finders' results. */
  get groupMap(): readonly number[] {
    if (this.jsGroups === null) this.compileFinders();
    return this.jsGroups!;
  }

  /** A `g` RegExp over the subject (see regexp-input.ts); `indexed` adds match indices. */
  finderFor(indexed: boolean): RegExp {
    if (this.finder === null) this.compileFinders();
    return indexed ? this.indexedFinder! : this.finder!;
  }

  /**
   * A sticky RegExp matching at lastIndex only, with a non-empty match.
   * Racket's `regexp-match*` family, after an empty match at p, looks for the
   * next match from p that does not end at p. Group 1 captures the rest of
   * the subject where the match starts; `(?!\1$)` at the end fails exactly
   * when nothing was consumed. Racket group n is JS group groupMap[n] + 1.
   */
  nonEmptyMatcher(): RegExp {
    if (this.nonEmpty === null) {
      const t = translate(this.parsed.tree, this.parsed.groups, this.bytes ? 'bytes' : 'chars', 1);
      this.nonEmpty = new RegExp(`(?=([^]*))(?:${t.source})(?!\\1$)`, this.bytes ? 'yd' : 'ydu');
    }
    return this.nonEmpty;
  }

  private compileFinders(): void {
    const t = translate(this.parsed.tree, this.parsed.groups, this.bytes ? 'bytes' : 'chars');
    const flags = this.bytes ? 'g' : 'gu';
    this.finder = new RegExp(t.source, flags);
    this.indexedFinder = new RegExp(t.source, flags + 'd');
    this.jsGroups = t.groupMap;
  }

  /** `object-name`: the source string or byte string. */
  get name(): Value {
    return this.bytes ? new RBytes(latin1ToBytes(this.source), true) : new RString(this.source, true);
  }

  [customPrint](ctx: PrintContext): string {
    return (this.px ? '#px' : '#rx') + ctx.recur(this.name, 'write');
  }
}

/** A byte pattern that may use `\\p{..}` (matched on UTF-8 sequences only by the backtracker). */
function hasProperty(source: string): boolean {
  return /\\[pP]\{/.test(source);
}

export function latin1ToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function bytesToLatin1(b: Uint8Array, start = 0, end = b.length): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = start; i < end; i += CHUNK) {
    out += String.fromCharCode.apply(null, b.subarray(i, Math.min(end, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/**
 * A new regexp value for `source` (a string, or for `bytes` a latin-1 string
 * of the bytes). Throws RegexpSyntaxError for a malformed pattern.
 */
export function makeRegexp(source: string, px: boolean, bytes: boolean): RRegexp {
  const units: number[] = [];
  if (bytes) for (let i = 0; i < source.length; i++) units.push(source.charCodeAt(i));
  else for (const ch of source) units.push(ch.codePointAt(0)!);
  return new RRegexp(source, px, bytes, parseRegexp(units, px, bytes));
}

// Patterns given as strings to the matching functions are compiled on each
// call in Racket; a small cache makes a loop over `(regexp-match "a+" s)`
// cheap. (Only there: `regexp` itself returns a new value each time.)
const cache = new Map<string, RRegexp>();
const CACHE_LIMIT = 128;

/** Like makeRegexp for a `regexp`/`byte-regexp` pattern, reusing a recent value. */
export function cachedRegexp(source: string, bytes: boolean): RRegexp {
  const key = (bytes ? 'b' : 'c') + source;
  let rx = cache.get(key);
  if (rx === undefined) {
    rx = makeRegexp(source, false, bytes);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, rx);
  }
  return rx;
}

// Two regexps are equal? when they have the same source, syntax and kind.
registerEqualHook({
  equal(a, b) {
    if (!(a instanceof RRegexp)) return undefined;
    return b instanceof RRegexp && a.source === b.source && a.px === b.px && a.bytes === b.bytes;
  },
});
registerEqualKeyHook((v) =>
  v instanceof RRegexp ? `x${v.px ? 'p' : 'r'}${v.bytes ? 'b' : 'c'}${v.source.length}:${v.source}` : undefined,
);
