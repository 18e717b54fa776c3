import { describe, expect, it } from 'vitest';
import { HashTrie } from '../../src/values/hash-trie.js';

// A deterministic pseudo-random sequence, so a failure can be replayed.
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x;
  };
}

/** Runs random sets and deletes against a trie and a Map model, with `hashOf` choosing the hash. */
function checkAgainstModel(hashOf: (k: number) => number, steps: number, keySpace: number, seed: number): void {
  const next = lcg(seed);
  let trie = HashTrie.empty<string>();
  const model = new Map<number, string>();
  const versions: [HashTrie<string>, Map<number, string>][] = [];
  for (let step = 0; step < steps; step++) {
    const k = next() % keySpace;
    if (next() % 3 === 0) {
      trie = trie.delete(hashOf(k), k);
      model.delete(k);
    } else {
      const v = `v${step}`;
      trie = trie.set(hashOf(k), k, v);
      model.set(k, v);
    }
    if (step % 97 === 0) versions.push([trie, new Map(model)]);
    expect(trie.size).toBe(model.size);
  }
  versions.push([trie, model]);
  // Every version kept is unchanged by the updates made after it.
  for (const [t, m] of versions) {
    expect(t.size).toBe(m.size);
    for (let k = 0; k < keySpace; k++) expect(t.get(hashOf(k), k)).toBe(m.get(k));
    expect(t.valuesInOrder()).toEqual([...m.values()]);
  }
}

describe('persistent hash trie', () => {
  it('agrees with a Map on spread hashes, old versions included', () => {
    checkAgainstModel((k) => Math.imul(k, 0x9e3779b1) >>> 0, 3000, 500, 1);
  });

  it('agrees with a Map when many keys share a hash or a hash prefix', () => {
    checkAgainstModel((k) => k % 7, 2000, 200, 2);
    checkAgainstModel((k) => (k % 4) << 30, 2000, 200, 3);
    checkAgainstModel((k) => (k & 0xff) << 24, 2000, 600, 4);
  });

  it('keeps a key in its first place when its value is replaced', () => {
    let t = HashTrie.empty<string>();
    for (const k of [5, 3, 9]) t = t.set(k, k, `a${k}`);
    t = t.set(3, 3, 'b3');
    expect(t.valuesInOrder()).toEqual(['a5', 'b3', 'a9']);
    expect(t.delete(42, 42)).toBe(t);
  });
});
