// racket/promise's promises (The Racket Reference §10.3): the value, its
// printed forms, and the predicates. `force` is Racket code
// (src/lib/promises.rkt) over the internal state procedures here; the
// `delay` family of forms is macros/promise-forms.ts.

import { argError } from '../errors/messages.js';
import { objectName } from './object-name.js';
import { customPrint, type PrintContext } from '../values/printable.js';
import { NULL, Sym, VOID, isList, listFromArray, listToArray, str, sym, type Value } from '../values/types.js';
import { isExn, exnMessage } from '../errors/exn.js';
import type { PrimTable } from './table.js';

type PromiseState =
  | { readonly tag: 'pending'; readonly thunk: Value }
  | { readonly tag: 'running'; readonly thunk: Value }
  | { readonly tag: 'done'; readonly values: readonly Value[] }
  | { readonly tag: 'raised'; readonly raised: Value };

export class RPromise {
  constructor(
    public state: PromiseState,
    /** delay/name: the thunk runs at every force, nothing is kept. */
    readonly byName: boolean,
    /** lazy: a promise the thunk returns is forced in its place. */
    readonly lazy: boolean,
  ) {}

  [customPrint](ctx: PrintContext): string {
    const shown = (v: Value) => ctx.recur(v, ctx.mode === 'display' ? 'display' : 'write');
    const s = this.state;
    switch (s.tag) {
      case 'raised':
        return isExn(s.raised) ? `#<promise!exn!${shown(str(exnMessage(s.raised)))}>` : `#<promise!raise!${shown(s.raised)}>`;
      case 'done':
        if (s.values.length === 1) return `#<promise!${shown(s.values[0])}>`;
        return `#<promise!(values${s.values.map((v) => ` ${shown(v)}`).join('')})>`;
      default: {
        const name = objectName(s.thunk);
        if (s.tag === 'running') return name === false ? '#<promise:!running>' : `#<promise:!running!${ctx.recur(name, 'display')}>`;
        return name === false ? '#<promise>' : `#<promise:${ctx.recur(name, 'display')}>`;
      }
    }
  }
}

function promiseArg(who: string, v: Value): RPromise {
  return v instanceof RPromise ? v : argError(who, 'promise?', v);
}

export function installPromises(t: PrimTable): void {
  t.in('racket/promise', () => {
    t.fn('promise?', 1, 1, (v) => v instanceof RPromise);
    t.fn('promise/name?', 1, 1, (v) => v instanceof RPromise && v.byName);
    t.fn('promise-forced?', 1, 1, (v: Value) => {
      const s = promiseArg('promise-forced?', v).state.tag;
      return s === 'done' || s === 'raised';
    });
    t.fn('promise-running?', 1, 1, (v: Value) => promiseArg('promise-running?', v).state.tag === 'running');
  });
  // For the delay forms and force (src/lib/promises.rkt).
  t.internalFn('promise?', 1, 1, (v) => v instanceof RPromise);
  t.internalFn('make-promise', 2, 2, (thunk: Value, kind: Value) => {
    const k = kind instanceof Sym ? kind.name : '';
    return new RPromise({ tag: 'pending', thunk }, k === 'name', k === 'lazy');
  });
  t.internalFn('make-forced-promise', 1, 1, (vals: Value) => new RPromise({ tag: 'done', values: listToArray(vals) }, false, false));
  t.internalFn('promise-status', 1, 1, (p: Value) => sym((p as RPromise).state.tag));
  t.internalFn('promise-thunk', 1, 1, (p: Value) => {
    const s = (p as RPromise).state;
    return s.tag === 'pending' || s.tag === 'running' ? s.thunk : false;
  });
  t.internalFn('promise-values', 1, 1, (p: Value) => {
    const s = (p as RPromise).state;
    return s.tag === 'done' ? listFromArray([...s.values]) : NULL;
  });
  t.internalFn('promise-raised', 1, 1, (p: Value) => {
    const s = (p as RPromise).state;
    return s.tag === 'raised' ? s.raised : false;
  });
  t.internalFn('promise-by-name?', 1, 1, (p: Value) => (p as RPromise).byName);
  t.internalFn('promise-lazy?', 1, 1, (p: Value) => (p as RPromise).lazy);
  t.internalFn('promise-running!', 1, 1, (p: Value) => {
    const r = p as RPromise;
    if (r.state.tag === 'pending') r.state = { tag: 'running', thunk: r.state.thunk };
    return VOID;
  });
  t.internalFn('promise-done!', 2, 2, (p: Value, vals: Value) => {
    (p as RPromise).state = { tag: 'done', values: isList(vals) ? listToArray(vals) : [vals] };
    return VOID;
  });
  t.internalFn('promise-raised!', 2, 2, (p: Value, v: Value) => {
    (p as RPromise).state = { tag: 'raised', raised: v };
    return VOID;
  });
}
