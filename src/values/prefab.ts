// Prefab structure types (The Racket Reference §5.7): a prefab type is
// known by its key, so every use of the same key (a `#s(...)` literal,
// make-prefab-struct, a `struct` with #:prefab) gets the same type. The
// registry holds types, which are immutable, so runtimes can share it as
// they share interned symbols.

import { StructInstance, StructType } from './struct.js';
import { NULL, Pair, RVector, Sym, listToArray, type Value } from './types.js';

/** One level of a prefab key: a type's name, its own field counts and its mutable fields. */
interface KeyLevel {
  name: string;
  init: number | null;
  auto: number;
  autoValue: Value;
  mutable: number[];
}

const registry = new Map<string, StructType>();
const registryKey = new WeakMap<StructType, string>();

/** A key part for an auto value, or null when the value cannot be compared by text (its type is then not shared). */
function valueKey(v: Value): string | null {
  if (v instanceof Sym) return `'${v.name}`;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' || v === NULL) return String(v);
  return null;
}

/**
 * The prefab type for its own level and `parent`, made the first time.
 * `autoValue` must be simple (a symbol, number or boolean) for the type to be
 * shared; other auto values give a type of its own.
 */
export function internPrefab(
  name: string,
  parent: StructType | null,
  init: number,
  auto: number,
  autoValue: Value,
  mutable: ReadonlySet<number>,
): StructType {
  const autoKey = valueKey(autoValue);
  const parentKey = parent === null ? '' : registryKey.get(parent);
  const shared = autoKey !== null && parentKey !== undefined;
  const key = `${name}/${init}/${auto}/${autoKey}/${[...mutable].sort((a, b) => a - b).join(',')}|${parentKey}`;
  let type = shared ? registry.get(key) : undefined;
  if (type === undefined) {
    type = new StructType(name, parent, init, auto, autoValue, new Map(), false, name, new Set(mutable));
    if (shared) {
      registry.set(key, type);
      registryKey.set(type, key);
    }
  }
  return type;
}

function isNat(v: Value): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

/** The levels of a valid prefab key, most derived first. */
function keyLevels(key: Value): KeyLevel[] {
  if (key instanceof Sym) return [{ name: key.name, init: null, auto: 0, autoValue: false, mutable: [] }];
  const items = listToArray(key);
  const levels: KeyLevel[] = [];
  let i = 0;
  while (i < items.length) {
    const level: KeyLevel = { name: (items[i++] as Sym).name, init: null, auto: 0, autoValue: false, mutable: [] };
    if (isNat(items[i])) level.init = items[i++] as number;
    const a = items[i];
    if (a instanceof Pair && isNat(a.car)) {
      level.auto = a.car;
      level.autoValue = (a.cdr as Pair).car;
      i++;
    }
    if (items[i] instanceof RVector) level.mutable = (items[i++] as RVector).items as number[];
    levels.push(level);
  }
  return levels;
}

/** The prefab type a valid key names, with `fieldCount` fields in all; null when they disagree. */
export function prefabKeyType(key: Value, fieldCount: number): StructType | null {
  const levels = keyLevels(key);
  // Only the most derived level may leave its field count implicit.
  let known = 0;
  for (let i = 1; i < levels.length; i++) known += (levels[i].init ?? 0) + levels[i].auto;
  const first = levels[0];
  const firstInit = first.init ?? fieldCount - known - first.auto;
  if (firstInit < 0 || known + firstInit + first.auto !== fieldCount) return null;
  first.init = firstInit;
  let type: StructType | null = null;
  for (let i = levels.length - 1; i >= 0; i--) {
    const l = levels[i];
    type = internPrefab(l.name, type, l.init!, l.auto, l.autoValue, new Set(l.mutable));
  }
  return type;
}

/** A prefab instance: `#s(key field ...)` (the fields given include the auto fields' values). */
export function makePrefab(key: Value, fields: Value[]): StructInstance | null {
  const type = prefabKeyType(key, fields.length);
  return type === null ? null : new StructInstance(type, fields);
}
