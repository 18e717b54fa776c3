// Grapheme clusters (UAX #29 extended grapheme clusters, as Racket 8.7
// implements them): char-grapheme-break-property, char-grapheme-step and
// string-grapheme-span / string-grapheme-count.
//
// char-grapheme-step's state is Racket's number: 0 at the start (or when no
// character is pending); otherwise the previous character's break property
// plus one (Other 1, CR 2, LF 3, Control 4, Extend 5, ZWJ 6,
// Regional_Indicator 7, Prepend 8, SpacingMark 9, L 10, V 11, T 12, LV 13,
// LVT 14), except within an emoji sequence (rule GB11): 241 after an
// Extended_Pictographic character, 69 after Extend in such a sequence, 86
// after its ZWJ.

import { argError, errorValueString } from '../errors/messages.js';
import { exnFailContractT, fail } from '../errors/exn.js';
import { MultipleValues, RString, sym, type Value } from '../values/types.js';
import { checkChar } from './check.js';
import type { PrimTable } from './table.js';

const PROPS = [
  'Other',
  'CR',
  'LF',
  'Control',
  'Extend',
  'ZWJ',
  'Regional_Indicator',
  'Prepend',
  'SpacingMark',
  'L',
  'V',
  'T',
  'LV',
  'LVT',
] as const;
const [OTHER, CR, LF, CONTROL, EXTEND, ZWJ, RI, PREPEND, SPACING, L, V, T, LV, LVT] = PROPS.map((_, i) => i);

const EXTEND_RE = /^[\p{Grapheme_Extend}\p{Emoji_Modifier}]$/u;
const CONTROL_RE = /^[\p{Zl}\p{Zp}\p{Cc}\p{Cf}]$/u;
const SPACING_RE = /^\p{Mc}$/u;
const PICTOGRAPHIC_RE = /^\p{Extended_Pictographic}$/u;
const RI_RE = /^\p{Regional_Indicator}$/u;

/** Prepend characters: the prepended concatenation marks and the Indic characters that precede a consonant. */
const PREPEND_RANGES: [number, number][] = [
  [0x600, 0x605],
  [0x6dd, 0x6dd],
  [0x70f, 0x70f],
  [0x890, 0x891],
  [0x8e2, 0x8e2],
  [0xd4e, 0xd4e],
  [0x110bd, 0x110bd],
  [0x110cd, 0x110cd],
  [0x111c2, 0x111c3],
  [0x1193f, 0x1193f],
  [0x11941, 0x11941],
  [0x11a3a, 0x11a3a],
  [0x11a84, 0x11a89],
  [0x11d46, 0x11d46],
];

/** Spacing combining marks that UAX #29 does not count as SpacingMark. */
const NOT_SPACING = new Set([
  0x102b, 0x102c, 0x1038, 0x1062, 0x1063, 0x1064, 0x1067, 0x1068, 0x1069, 0x106a, 0x106b, 0x106c, 0x106d, 0x1083, 0x1087, 0x1088, 0x1089,
  0x108a, 0x108b, 0x108c, 0x108f, 0x109a, 0x109b, 0x109c, 0x1a61, 0x1a63, 0x1a64, 0xaa7b, 0xaa7d, 0x11720, 0x11721,
]);

function inRanges(r: [number, number][], c: number): boolean {
  for (const [lo, hi] of r) if (c >= lo && c <= hi) return true;
  return false;
}

/** The Grapheme_Cluster_Break property of a code point, as an index into PROPS. */
function breakProperty(c: number): number {
  if (c === 13) return CR;
  if (c === 10) return LF;
  if (c === 0x200d) return ZWJ;
  if (c >= 0x1100 && c <= 0x115f) return L;
  if (c >= 0xa960 && c <= 0xa97c) return L;
  if ((c >= 0x1160 && c <= 0x11a7) || (c >= 0xd7b0 && c <= 0xd7c6)) return V;
  if ((c >= 0x11a8 && c <= 0x11ff) || (c >= 0xd7cb && c <= 0xd7fb)) return T;
  if (c >= 0xac00 && c <= 0xd7a3) return (c - 0xac00) % 28 === 0 ? LV : LVT;
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return CONTROL;
  if (c < 0x300) return c === 0xad ? CONTROL : OTHER;
  const s = String.fromCodePoint(c);
  if (inRanges(PREPEND_RANGES, c)) return PREPEND;
  if (c === 0x200c || EXTEND_RE.test(s)) return EXTEND;
  if (RI_RE.test(s)) return RI;
  if (CONTROL_RE.test(s)) return CONTROL;
  if (c === 0xe33 || c === 0xeb3) return SPACING;
  if (SPACING_RE.test(s) && !NOT_SPACING.has(c)) return SPACING;
  return OTHER;
}

const AFTER_PICTOGRAPHIC = 241;
const PICTOGRAPHIC_EXTEND = 69;
const PICTOGRAPHIC_ZWJ = 86;

/** The previous property (-1 at the start) and the GB11 state (0 none, 1 pictographic Extend*, 2 then ZWJ). */
function decode(state: number): [number, number] {
  if (state === AFTER_PICTOGRAPHIC) return [OTHER, 1];
  if (state === PICTOGRAPHIC_EXTEND) return [EXTEND, 1];
  if (state === PICTOGRAPHIC_ZWJ) return [ZWJ, 2];
  if (state >= 1 && state <= PROPS.length) return [state - 1, 0];
  return [-1, 0];
}

function encode(prop: number, gb11: number): number {
  if (gb11 === 1) return prop === EXTEND ? PICTOGRAPHIC_EXTEND : AFTER_PICTOGRAPHIC;
  if (gb11 === 2) return PICTOGRAPHIC_ZWJ;
  return prop + 1;
}

/** One step: whether a cluster ended before or with `c`, and the next state. */
export function graphemeStep(c: number, state: number): [boolean, number] {
  const [prev, gb11] = decode(state);
  const prop = breakProperty(c);
  const pictographic = prop === OTHER && PICTOGRAPHIC_RE.test(String.fromCodePoint(c));
  const nextGb11 = gb11 === 1 ? (prop === ZWJ ? 2 : prop === EXTEND || pictographic ? 1 : 0) : pictographic ? 1 : 0;
  const next = () => encode(prop, nextGb11);
  const started = state > 0;
  // After a line break or control character, Racket 8.7 starts an emoji sequence afresh.
  const plain = () => encode(prop, 0);
  if (prev === OTHER && prop === OTHER && !pictographic) return [started, encode(OTHER, 0)];
  if (prev === CR) return prop === LF ? [true, 0] : [true, plain()];
  if (prop === CR) return [started, next()];
  if (prev === CONTROL || prev === LF) return [true, plain()];
  if (prop === CONTROL || prop === LF) return [true, started ? next() : 0];
  if (prev === L && (prop === L || prop === V || prop === LV || prop === LVT)) return [false, next()];
  if ((prev === LV || prev === V) && (prop === V || prop === T)) return [false, next()];
  if ((prev === LVT || prev === T) && prop === T) return [false, next()];
  if (prop === EXTEND || prop === ZWJ || prop === SPACING || prev === PREPEND) return [false, next()];
  if (gb11 === 2 && pictographic) return [false, next()];
  if (prev === RI) return prop === RI ? [false, encode(OTHER, 0)] : [true, next()];
  return [started, next()];
}

/** The length in code points of the cluster that starts at index 0 of `cps` (not past `end`). */
function clusterLength(cps: number[], start: number, end: number): number {
  let state = 0;
  for (let i = start; i < end; i++) {
    const [ended, next] = graphemeStep(cps[i], state);
    if (ended) return next === 0 ? i + 1 - start : i - start;
    state = next;
  }
  return end - start;
}

function codePoints(s: string): number[] {
  return Array.from(s, (ch) => ch.codePointAt(0)!);
}

/** Racket's `N is not a valid start index` / `S and E are not valid start/end indices` checks. */
function graphemeRange(who: string, s: Value, start: Value, end: Value | undefined): [number[], number, number] {
  if (!(s instanceof RString)) return argError(who, 'string?', s);
  const cps = codePoints(s.s);
  const isIndex = (v: Value) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  const str = errorValueString(s);
  if (end === undefined) {
    if (!isIndex(start) || (start as number) > cps.length) {
      fail(exnFailContractT, `${who}: ${errorValueString(start)} is not a valid start index for ${str}`);
    }
    return [cps, start as number, cps.length];
  }
  if (!isIndex(start) || !isIndex(end) || (start as number) > (end as number) || (end as number) > cps.length) {
    fail(exnFailContractT, `${who}: ${errorValueString(start)} and ${errorValueString(end)} are not valid start/end indices for ${str}`);
  }
  return [cps, start as number, end as number];
}

export function installGraphemes(t: PrimTable): void {
  t.fn('char-grapheme-break-property', 1, 1, (c: Value) => sym(PROPS[breakProperty(checkChar('char-grapheme-break-property', c).code)]));
  t.valuesFn('char-grapheme-step', 2, 2, (c: Value, state: Value) => {
    const ch = checkChar('char-grapheme-step', c);
    if (typeof state !== 'number' || !Number.isInteger(state)) return argError('char-grapheme-step', 'grapheme-cluster-state?', state);
    const [ended, next] = graphemeStep(ch.code, state);
    return new MultipleValues([ended, next]);
  });
  t.fn('string-grapheme-span', 2, 3, (s: Value, start: Value, end?: Value) => {
    const [cps, a, e] = graphemeRange('string-grapheme-span', s, start, end);
    return clusterLength(cps, a, e);
  });
  t.fn('string-grapheme-count', 1, 3, (s: Value, start: Value = 0, end?: Value) => {
    const [cps, a, e] = graphemeRange('string-grapheme-count', s, start, end);
    let n = 0;
    for (let i = a; i < e; n++) i += clusterLength(cps, i, e);
    return n;
  });
}
