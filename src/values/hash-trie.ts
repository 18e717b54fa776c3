// A persistent hash trie (a HAMT: 32-way branches indexed by five bits of
// the key's hash at a time) for immutable hash tables. An update copies one
// path of at most seven small nodes instead of the whole table, so building
// a table with `hash-set` in a loop is linear, as in Racket.
//
// Keys are the encoded keys of hash.ts (JS values compared with ===) and
// come with their 32-bit hash. Each entry keeps the time its key was first
// added, so a table can list its entries in insertion order, the order the
// mutable tables (JS Maps) have.

class Leaf<E> {
  constructor(
    readonly hash: number,
    readonly key: unknown,
    readonly value: E,
    readonly added: number,
  ) {}
}

/** Entries whose keys have the same full hash. */
class Collision<E> {
  constructor(
    readonly hash: number,
    readonly leaves: readonly Leaf<E>[],
  ) {}
}

class Branch<E> {
  constructor(
    readonly bitmap: number,
    readonly children: readonly TrieNode<E>[],
  ) {}
}

type TrieNode<E> = Leaf<E> | Collision<E> | Branch<E>;

function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return Math.imul((n + (n >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function slot(hash: number, shift: number): number {
  return 1 << ((hash >>> shift) & 31);
}

function withChild<E>(children: readonly TrieNode<E>[], i: number, child: TrieNode<E>): TrieNode<E>[] {
  const copy = children.slice();
  copy[i] = child;
  return copy;
}

/** A branch holding two nodes whose hashes differ (at this depth or below). */
function join<E>(a: Leaf<E> | Collision<E>, b: Leaf<E>, shift: number): Branch<E> {
  const sa = slot(a.hash, shift);
  const sb = slot(b.hash, shift);
  if (sa === sb) return new Branch(sa, [join(a, b, shift + 5)]);
  return new Branch(sa | sb, sa >>> 0 < sb >>> 0 ? [a, b] : [b, a]);
}

/**
 * `node` with `key` set to `value`. A key already there keeps its insertion
 * time and sets `out.found`; a new one gets `added`.
 */
function insert<E>(
  node: TrieNode<E>,
  hash: number,
  key: unknown,
  value: E,
  added: number,
  shift: number,
  out: { found: boolean },
): TrieNode<E> {
  if (node instanceof Branch) {
    const bit = slot(hash, shift);
    const i = popcount(node.bitmap & (bit - 1));
    if ((node.bitmap & bit) === 0) {
      const children = node.children.slice();
      children.splice(i, 0, new Leaf(hash, key, value, added));
      return new Branch(node.bitmap | bit, children);
    }
    return new Branch(node.bitmap, withChild(node.children, i, insert(node.children[i], hash, key, value, added, shift + 5, out)));
  }
  if (node.hash !== hash) return join(node, new Leaf(hash, key, value, added), shift);
  if (node instanceof Leaf) {
    if (node.key !== key) return new Collision(hash, [node, new Leaf(hash, key, value, added)]);
    out.found = true;
    return new Leaf(hash, key, value, node.added);
  }
  const i = node.leaves.findIndex((l) => l.key === key);
  if (i < 0) return new Collision(hash, [...node.leaves, new Leaf(hash, key, value, added)]);
  out.found = true;
  const leaves = node.leaves.slice();
  leaves[i] = new Leaf(hash, key, value, node.leaves[i].added);
  return new Collision(hash, leaves);
}

/** `node` without `key`: the same node when the key is absent, undefined when nothing is left. */
function remove<E>(node: TrieNode<E>, hash: number, key: unknown, shift: number): TrieNode<E> | undefined {
  if (node instanceof Branch) {
    const bit = slot(hash, shift);
    if ((node.bitmap & bit) === 0) return node;
    const i = popcount(node.bitmap & (bit - 1));
    const child = node.children[i];
    const rest = remove(child, hash, key, shift + 5);
    if (rest === child) return node;
    if (rest !== undefined) return new Branch(node.bitmap, withChild(node.children, i, rest));
    if (node.children.length === 1) return undefined;
    const children = node.children.slice();
    children.splice(i, 1);
    // A lone leaf needs no branch above it: lookups compare the key at the leaf.
    if (children.length === 1 && !(children[0] instanceof Branch)) return children[0];
    return new Branch(node.bitmap & ~bit, children);
  }
  if (node instanceof Leaf) return node.hash === hash && node.key === key ? undefined : node;
  if (node.hash !== hash) return node;
  const leaves = node.leaves.filter((l) => l.key !== key);
  if (leaves.length === node.leaves.length) return node;
  return leaves.length === 1 ? leaves[0] : new Collision(hash, leaves);
}

function find<E>(root: TrieNode<E> | undefined, hash: number, key: unknown): Leaf<E> | undefined {
  let node = root;
  let shift = 0;
  while (node instanceof Branch) {
    const bit = slot(hash, shift);
    if ((node.bitmap & bit) === 0) return undefined;
    node = node.children[popcount(node.bitmap & (bit - 1))];
    shift += 5;
  }
  if (node === undefined) return undefined;
  if (node instanceof Leaf) return node.key === key ? node : undefined;
  return node.leaves.find((l) => l.key === key);
}

export class HashTrie<E> {
  static empty<E>(): HashTrie<E> {
    return new HashTrie<E>(undefined, 0, 0);
  }

  private constructor(
    private readonly root: TrieNode<E> | undefined,
    readonly size: number,
    /** The insertion time the next new key gets. */
    private readonly clock: number,
  ) {}

  get(hash: number, key: unknown): E | undefined {
    return find(this.root, hash, key)?.value;
  }

  set(hash: number, key: unknown, value: E): HashTrie<E> {
    if (this.root === undefined) return new HashTrie(new Leaf(hash, key, value, this.clock), 1, this.clock + 1);
    const out = { found: false };
    const root = insert(this.root, hash, key, value, this.clock, 0, out);
    return out.found ? new HashTrie(root, this.size, this.clock) : new HashTrie(root, this.size + 1, this.clock + 1);
  }

  delete(hash: number, key: unknown): HashTrie<E> {
    if (this.root === undefined) return this;
    const root = remove(this.root, hash, key, 0);
    return root === this.root ? this : new HashTrie(root, this.size - 1, this.clock);
  }

  /** The values in the order their keys were first added. */
  valuesInOrder(): E[] {
    const leaves: Leaf<E>[] = [];
    const stack: TrieNode<E>[] = this.root === undefined ? [] : [this.root];
    while (stack.length > 0) {
      const node = stack.pop() as TrieNode<E>;
      if (node instanceof Leaf) leaves.push(node);
      else if (node instanceof Collision) leaves.push(...node.leaves);
      else for (const child of node.children) stack.push(child);
    }
    leaves.sort((a, b) => a.added - b.added);
    return leaves.map((l) => l.value);
  }
}

/** A 32-bit hash of an encoded key (see hash.ts): strings by content, objects by identity. */
export function encodedKeyHash(key: unknown, identity: (o: object) => number): number {
  switch (typeof key) {
    case 'string': {
      let h = 0x811c9dc5;
      for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
      return mix(h);
    }
    case 'number':
      return (key | 0) === key ? mix(key) : encodedKeyHash(String(key), identity);
    case 'bigint':
      return encodedKeyHash(key.toString(), identity);
    case 'boolean':
      return key ? 0x2f6b1d3 : 0x6a09e667;
    case 'object':
    case 'function':
      return key === null ? 0 : mix(identity(key));
    default:
      return 0;
  }
}

/** Spreads the bits of `x` over all 32 (murmur3's finalizer). */
function mix(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
