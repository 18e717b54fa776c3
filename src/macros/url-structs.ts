// The struct info of net/url-structs' url and path/param (also in net/url):
// the structure names stand for their constructors in expressions and give
// match patterns and struct-copy their fields, as struct-out's do.

import type { Expander, Meaning } from '../expand/expander.js';
import { StructInfo } from '../expand/transformers.js';
import type { Syntax } from '../values/syntax.js';

const STRUCTS: readonly (readonly [string, string, readonly string[], boolean])[] = [
  ['url', 'make-url', ['scheme', 'user', 'host', 'port', 'path-absolute?', 'path', 'query', 'fragment'], true],
  ['path/param', 'make-path/param', ['path', 'param'], false],
];

/** Binds `url` and `path/param` in `exports` (a library holding the procedures) to their struct info. */
export function installUrlStructInfo(
  ex: Expander,
  lib: string,
  exports: Map<string, Meaning>,
  bindHidden: (name: string, m: Meaning) => void,
): void {
  const hidden = (name: string): Syntax => {
    const m = exports.get(name);
    if (m === undefined) throw new Error(`internal: ${lib} has no ${name}`);
    bindHidden(`%${lib}:${name}`, m);
    return ex.baseId(`%${lib}:${name}`, null);
  };
  for (const [name, ctor, fields, mutable] of STRUCTS) {
    const info = new StructInfo(
      name,
      ex.baseId(name, null),
      hidden(`struct:${name}`),
      hidden(ctor),
      hidden(`${name}?`),
      fields.map((f) => ({ name: f, accessor: hidden(`${name}-${f}`), owner: name })),
      fields.map((f) => (mutable ? hidden(`set-${name}-${f}!`) : null)),
      null,
      false,
      true,
      [],
    );
    exports.set(name, { kind: 'syntax', value: info });
  }
}
