// racket/class's run-time records: classes, interfaces and objects.
//
// An object is a struct instance whose type is its class's struct type
// (`object:NAME`, a subtype of its superclass's, transparent under
// `(inspect #f)`), so it prints, compares and reflects as Racket's objects
// do. A class keeps its methods in a vector indexed by position: a subclass
// keeps its superclass's positions and adds its own after them, so a method
// found by name once is at the same position in every subclass. Augmentable
// methods also keep their chain (the pubment body first, then each
// augmentation) for `inner`. The class forms (macros/class.ts) expand into
// calls of the `class:` helpers here and of lib/class.rkt's procedures.

import { exnFailT, fail } from '../errors/exn.js';
import { argError, errorValueString } from '../errors/messages.js';
import { customPrint } from '../values/printable.js';
import { StructInstance, StructProperty, StructType, propCustomWrite } from '../values/struct.js';
import { propEqualHash } from './equal-hash.js';
import {
  type Keyword,
  NULL,
  type Pair,
  uninternedSym,
  RVector,
  Sym,
  VOID,
  listFromArray,
  listToArray,
  sym,
  type Value,
} from '../values/types.js';
import { makeInstance, predicateOf } from './structs.js';
import { MachinePrimitive, Primitive } from '../eval/procedures.js';
import { ContinuationMarkSet } from '../eval/marks.js';
import type { PrimTable } from './table.js';
import { eqHashCode } from './equality.js';
import { AnyKeywordProcedure, applyWithKeywords } from './keyword-procedures.js';

export const exnFailObjectT = new StructType('exn:fail:object', exnFailT, 0, 0, false, new Map(), true, null, new Set());

/** The class an object's struct type belongs to. */
const propClass = new StructProperty('class');

export class RInterface {
  /** Every method name, the super interfaces' included. */
  readonly methods: Set<string>;
  constructor(
    readonly name: string,
    readonly supers: readonly RInterface[],
    own: readonly string[],
    /** The class an interface made by class->interface stands for: only it and its subclasses implement it. */
    readonly forClass: RClass | null = null,
  ) {
    this.methods = new Set<string>();
    for (const s of supers) for (const m of s.methods) this.methods.add(m);
    for (const m of own) this.methods.add(m);
  }
  extends(other: RInterface): boolean {
    if (other === this) return true;
    return this.supers.some((s) => s.extends(other));
  }
  [customPrint](): string {
    return `#<interface:${this.name}>`;
  }
}

/** A method slot's state: 'o' overridable, 'a' augmentable; `final`: neither. */
type Mode = 'o' | 'a';

/** What `abstract` leaves in a method slot. */
export const ABSTRACT: Value = sym('%abstract-method');

export class RClass {
  readonly depth: number;
  readonly methodNames: string[];
  readonly methodIndex: Map<string, number>;
  readonly methods: Value[];
  readonly chains: (Value[] | null)[];
  readonly modes: Mode[];
  readonly finals: boolean[];
  /** Public fields by name: their positions in the object. */
  readonly fieldIndex: Map<string, number>;
  readonly fieldOrder: string[];
  readonly structType: StructType;
  initProc: Value = false;
  /** The interfaces this class and its superclasses declare. */
  readonly interfaces: RInterface[];
  /** This class's own methods (names with their kinds), in the order its procedures come to `class:install!`. */
  own: [string, string][] = [];
  /** Chain position of each own augmentable method's procedure. */
  readonly positions = new Map<string, number>();
  private iface: RInterface | null = null;
  constructor(
    readonly name: string,
    readonly sup: RClass | null,
    ownFieldCount: number,
    readonly transparent: boolean,
    /** Init variables' external names, in declaration order (by-position arguments go to them). */
    readonly initNames: string[],
    readonly initRest: boolean,
  ) {
    this.depth = sup === null ? 0 : sup.depth + 1;
    this.methodNames = sup === null ? [] : [...sup.methodNames];
    this.methodIndex = sup === null ? new Map() : new Map(sup.methodIndex);
    this.methods = sup === null ? [] : [...sup.methods];
    this.chains = sup === null ? [] : sup.chains.map((c) => (c === null ? null : [...c]));
    this.modes = sup === null ? [] : [...sup.modes];
    this.finals = sup === null ? [] : [...sup.finals];
    this.fieldIndex = sup === null ? new Map() : new Map(sup.fieldIndex);
    this.fieldOrder = sup === null ? [] : [...sup.fieldOrder];
    this.interfaces = sup === null ? [] : [...sup.interfaces];
    const props = new Map<StructProperty, Value>([[propClass, this]]);
    const all = new Set<number>();
    for (let i = 0; i < ownFieldCount; i++) all.add(i);
    this.structType = new StructType(
      sup === null ? 'object' : `object:${name}`,
      sup === null ? null : sup.structType,
      ownFieldCount,
      0,
      false,
      props,
      sup === null || transparent,
      null,
      all,
    );
  }
  isSubclassOf(c: RClass): boolean {
    const target = c.sealedFrom ?? c;
    for (let k: RClass | null = this; k !== null; k = k.sup) if ((k.sealedFrom ?? k) === target) return true;
    return false;
  }
  /**
   * class-seal's seals: a list of vectors #(key inst-proc member-proc inits
   * fields methods), newest first (lib/class.rkt runs them). A sealed class
   * is a view of the class it seals (sharing all else), as Racket's is an
   * impersonator of it.
   */
  seals: Value = NULL;
  sealedFrom: RClass | null = null;
  withSeals(seals: Value): RClass {
    const view = Object.create(this) as RClass;
    view.seals = seals;
    view.sealedFrom = this.sealedFrom ?? this;
    return view;
  }
  implements(i: RInterface): boolean {
    if (i.forClass !== null) return this.isSubclassOf(i.forClass);
    return this.interfaces.some((j) => j.extends(i));
  }
  /** class->interface: the interface of this class's public methods. */
  asInterface(): RInterface {
    if (this.iface === null) this.iface = new RInterface(this.name, [], this.methodNames, this);
    return this.iface;
  }
  [customPrint](): string {
    return `#<class:${this.name}>`;
  }
}

export const objectClass = new RClass('object%', null, 0, true, [], false);

export const printableInterface = new RInterface('printable<%>', [], ['custom-write', 'custom-display', 'custom-print']);
export const writableInterface = new RInterface('writable<%>', [], ['custom-write', 'custom-display']);
export const equalInterface = new RInterface('equal<%>', [], ['equal-hash-code-of', 'equal-secondary-hash-code-of', 'equal-to?']);
export const externalizableInterface = new RInterface('externalizable<%>', [], ['internalize', 'externalize']);

/** What object/c wrapped: object=? compares the objects beneath. */
const originals = new WeakMap<object, StructInstance>();
const originalOf = (o: StructInstance): StructInstance => originals.get(o) ?? o;

export function classOf(v: Value): RClass | null {
  if (!(v instanceof StructInstance)) return null;
  const c = v.type.props.get(propClass);
  return c === undefined ? null : (c as RClass);
}

function failObject(message: string): never {
  fail(exnFailObjectT, message);
}

function objArg(who: string, v: Value): StructInstance {
  return classOf(v) === null ? argError(who, 'object?', v) : (v as StructInstance);
}
function classArg(who: string, v: Value, pos?: number, args?: Value[]): RClass {
  return v instanceof RClass ? v : argError(who, 'class?', v, pos, args);
}
function ifaceArg(who: string, v: Value, pos?: number, args?: Value[]): RInterface {
  return v instanceof RInterface ? v : argError(who, 'interface?', v, pos, args);
}
const names = (l: Value): string[] => listToArray(l).map((s) => (s as Sym).name);

/** A method procedure, or the error `send` reports. */
function findMethod(who: string, o: Value, name: Sym): Value {
  const c = classOf(o);
  if (c === null) failObject(`${who}: target is not an object\n  target: ${errorValueString(o)}\n  method name: ${shown(name.name)}`);
  const i = c.methodIndex.get(name.name);
  if (i === undefined) failObject(`${who}: no such method\n  method name: ${shown(name.name)}\n  class name: ${c.name}`);
  const p = c.methods[i];
  if (p === ABSTRACT) failObject(`${who}: cannot call abstract method\n  method name: ${name.name}\n  class name: ${c.name}`);
  return p;
}

function fieldPosition(who: string, o: Value, name: Sym): [StructInstance, number] {
  const c = classOf(o);
  if (c === null) argError(who, 'object?', o);
  const i = c.fieldIndex.get(name.name);
  if (i === undefined)
    failObject(`${who}: given object does not have the requested field\n  field name: ${name.name}\n  object: ${errorValueString(o)}`);
  return [o as StructInstance, i];
}

/**
 * Builds a class from its description (what `class:install!` completes):
 * `methods` is a list of (kind . name) for the class's own method clauses,
 * kinds public, public-final, pubment, override, override-final, overment,
 * augment, augment-final, augride, abstract.
 */
function makeClass(
  nameV: Value,
  supV: Value,
  ifaces: Value,
  methods: Value,
  inherits: Value,
  fields: Value,
  ownFieldCount: Value,
  initNamesV: Value,
  initRest: Value,
  transparent: Value,
  who: Value,
): RClass {
  const w = (who as Sym).name;
  if (!(supV instanceof RClass))
    fail(
      exnFailObjectT,
      `${w}: superclass expression result is not a class\n  result: ${errorValueString(supV)}\n  class name: ${nameV instanceof Sym ? nameV.name : ''}`,
    );
  const interfaces = listToArray(ifaces);
  for (const i of interfaces)
    if (!(i instanceof RInterface))
      fail(exnFailObjectT, `${w}: interface expression result is not an interface\n  result: ${errorValueString(i)}`);
  const name = nameV instanceof Sym ? nameV.name : String(nameV);
  const c = new RClass(name, supV, ownFieldCount as number, transparent !== false, names(initNamesV), initRest !== false);
  // A sealed class's subclasses keep its seals.
  c.seals = supV.seals;
  const err: (msg: string, m: string, label?: string) => never = (msg, m, label = 'method name') =>
    failObject(`${w}: ${msg}\n  ${label}: ${m}\n  class name: ${name}`);
  for (const entry of listToArray(methods)) {
    const kind = ((entry as Pair).car as Sym).name;
    const m = renamed(((entry as Pair).cdr as Sym).name);
    c.own.push([kind, m]);
    const i = c.methodIndex.get(m);
    switch (kind) {
      case 'public':
      case 'public-final':
      case 'pubment':
      case 'abstract': {
        if (i !== undefined) err(`superclass already contains method\n  superclass: ${errorValueString(supV)}`, m);
        const j = c.methodNames.length;
        c.methodNames.push(m);
        c.methodIndex.set(m, j);
        c.methods.push(ABSTRACT);
        c.chains.push(kind === 'pubment' ? [ABSTRACT] : null);
        c.modes.push(kind === 'pubment' ? 'a' : 'o');
        c.finals.push(kind === 'public-final');
        if (kind === 'pubment') c.positions.set(m, 0);
        break;
      }
      default: {
        if (i === undefined) err(`superclass does not provide an expected method for ${kind}`, m, `${kind} name`);
        const augmenting = kind === 'augment' || kind === 'augment-final' || kind === 'augride';
        const sup = `\n  superclass: ${errorValueString(supV)}`;
        if (augmenting && c.modes[i] !== 'a')
          err(`superclass method for augride, augment, inherit/inner, or rename-inner method is not augmentable${sup}`, m);
        if (!augmenting && c.modes[i] !== 'o')
          err(`superclass method for override, overment, inherit/super, or rename-super is not overrideable${sup}`, m);
        if (c.finals[i]) err(`cannot override or augment final method`, m);
        const chain = c.chains[i];
        if (augmenting) {
          chain!.push(ABSTRACT);
          c.positions.set(m, chain!.length - 1);
          if (kind === 'augride') c.modes[i] = 'o';
          if (kind === 'augment-final') c.finals[i] = true;
        } else if (kind === 'overment') {
          if (chain === null) {
            c.chains[i] = [ABSTRACT];
            c.positions.set(m, 0);
          } else c.positions.set(m, chain.length - 1);
          c.modes[i] = 'a';
        } else if (kind === 'override-final') c.finals[i] = true;
      }
    }
  }
  for (const m of names(inherits).map(renamed))
    if (!c.methodIndex.has(m))
      failObject(`${w}: superclass does not provide an expected method for inherit\n  inherit name: ${m}\n  class name: ${name}`);
  const base = supV.structType.fieldCount;
  let k = 0;
  for (const fv of listToArray(fields)) {
    // A list of (name-or-#f ...) in the order of the object's own fields: named ones are public.
    if (fv instanceof Sym) {
      const f = renamedSym(fv);
      if (c.fieldIndex.has(f.name))
        failObject(
          `${w}: superclass already contains field\n  superclass: ${errorValueString(supV)}\n  field name: ${f.name}\n  class name: ${name}`,
        );
      c.fieldOrder.push(f.name);
      c.fieldIndex.set(f.name, base + k);
    }
    k++;
  }
  for (const i of interfaces) c.interfaces.push(i as RInterface);
  installInterfaceProperties(c, interfaces as RInterface[]);
  return c;
}

/** A procedure that calls the named method of its first argument (an object) with the rest. */
function methodCaller(label: string, n: number, pick: (args: Value[]) => [string, Value[]]): MachinePrimitive {
  // A machine primitive's arguments start at index 1.
  return new MachinePrimitive(label, n, n, (m, all) => {
    const args = all.slice(1);
    const [name, rest] = pick(args);
    m.applyArray(findMethod('send', args[0], sym(name)), [args[0], ...rest]);
  });
}

/**
 * printable<%> and writable<%> make objects print through their methods,
 * equal<%> compare and hash through them, as Racket's class system
 * attaches prop:custom-write and prop:equal+hash to the object's type.
 */
function installInterfaceProperties(c: RClass, declared: RInterface[]): void {
  const props = c.structType.props;
  if (declared.some((i) => i.extends(printableInterface)))
    props.set(
      propCustomWrite,
      methodCaller('custom-write', 3, ([, port, mode]) =>
        mode === true ? ['custom-write', [port]] : mode === false ? ['custom-display', [port]] : ['custom-print', [port, mode]],
      ),
    );
  else if (declared.some((i) => i.extends(writableInterface)))
    props.set(
      propCustomWrite,
      methodCaller('custom-write', 3, ([, port, mode]) => (mode === false ? ['custom-display', [port]] : ['custom-write', [port]])),
    );
  if (declared.some((i) => i.extends(equalInterface)))
    props.set(
      propEqualHash,
      listFromArray([
        methodCaller('equal-to?', 3, ([, other, recur]) => ['equal-to?', [other, recur]]),
        methodCaller('equal-hash-code-of', 2, ([, recur]) => ['equal-hash-code-of', [recur]]),
        methodCaller('equal-secondary-hash-code-of', 2, ([, recur]) => ['equal-secondary-hash-code-of', [recur]]),
      ]),
    );
}

/** Installs a class's own method procedures (in the order of its method list) and its init procedure. */
function installClass(cv: Value, procs: Value, init: Value): Value {
  const c = cv as RClass;
  const ps = (procs as RVector).items;
  c.own.forEach(([kind, m], k) => {
    const i = c.methodIndex.get(m)!;
    const p = kind === 'abstract' ? ABSTRACT : ps[k];
    const chain = c.chains[i];
    switch (kind) {
      case 'augment':
      case 'augment-final':
      case 'augride':
        chain![c.positions.get(m)!] = p;
        return;
      case 'pubment':
      case 'overment':
        if (chain !== null) chain[c.positions.get(m)!] = p;
        if (c.positions.get(m) === 0) c.methods[i] = p;
        return;
      default:
        // Overriding after an augride replaces the end of the chain, where `inner` arrives.
        if (chain !== null) {
          chain[chain.length - 1] = p;
          c.methods[i] = chain[0];
        } else c.methods[i] = p;
    }
  });
  c.initProc = init;
  return c;
}

/** What a `super` call in class `c` calls for method `m`. */
function superMethod(cv: Value, mv: Sym): Value {
  const m = renamedSym(mv);
  const c = cv as RClass;
  const sup = c.sup!;
  const i = sup.methodIndex.get(m.name);
  if (i === undefined) failObject(`super: superclass does not provide method\n  method name: ${m.name}\n  class name: ${c.name}`);
  const chain = sup.chains[i];
  const p = chain !== null ? chain[chain.length - 1] : sup.methods[i];
  return p;
}

/**
 * define-member-name's names while a class using them is made: each maps
 * the name the class expansion uses (a placeholder, macros/class.ts) to the
 * name of the key the program gave.
 */
const memberRenames: Map<string, string>[] = [];
function renamed(name: string): string {
  for (let i = memberRenames.length - 1; i >= 0; i--) {
    const r = memberRenames[i].get(name);
    if (r !== undefined) return r;
  }
  return name;
}
const renamedSym = (s: Sym): Sym => {
  const r = renamed(s.name);
  return r === s.name ? s : uninternedSym(r);
};
let memberKeyCount = 0;

/** Init arguments being taken by the classes of one instantiation, from the subclass up. */
export class InitArgs {
  constructor(
    public pos: Value[],
    public named: [string, Value][],
  ) {}
}

function namedArgs(l: Value): [string, Value][] {
  return listToArray(l).map((p) => [((p as Pair).car as Sym).name, (p as Pair).cdr]);
}

const NO_ARG = sym('%no-init-argument');

/** A method name as shown: a local member name's (macros/class.ts) without the zero-width characters that make it unique. */
/** Whether a member's name is a key's of its own (local member names, generate-member-key), which reflection leaves out. */
const hiddenName = (name: string): boolean => /[\u2060\u200b\u200c]$/.test(name);
const shown = (name: string): string => name.replace(/[\u2060\u200b\u200c]+$/, '');

/** A member name key: a method name, or a name of its own (generate-member-key). */
export class RMemberKey {
  constructor(readonly name: Sym) {}
  [customPrint](): string {
    return `#<member-key:${shown(this.name.name)}>`;
  }
}

/** `generic`'s result: a method name of a class or interface, found in each object by name. */
export class RGeneric {
  constructor(
    readonly target: RClass | RInterface,
    readonly name: string,
  ) {}
  [customPrint](): string {
    return '#<generic>';
  }
}

export function installClasses(t: PrimTable): void {
  t.in('racket/class', () => {
    t.value('object%', objectClass);
    t.fn('object?', 1, 1, (v) => classOf(v) !== null);
    t.fn('class?', 1, 1, (v) => v instanceof RClass);
    t.fn('interface?', 1, 1, (v) => v instanceof RInterface);
    t.fn('is-a?', 2, 2, (v: Value, k: Value) => {
      if (!(k instanceof RClass) && !(k instanceof RInterface)) argError('is-a?', '(or/c class? interface?)', k, 1, [v, k]);
      const c = classOf(v);
      if (c === null) return false;
      return k instanceof RClass ? c.isSubclassOf(k) : c.implements(k);
    });
    t.fn('subclass?', 2, 2, (v: Value, k: Value) => {
      classArg('subclass?', k, 1, [v, k]);
      return v instanceof RClass && v.isSubclassOf(k as RClass);
    });
    t.fn('implementation?', 2, 2, (v: Value, i: Value) => {
      ifaceArg('implementation?', i, 1, [v, i]);
      return v instanceof RClass && v.implements(i as RInterface);
    });
    t.fn('interface-extension?', 2, 2, (v: Value, i: Value) => {
      ifaceArg('interface-extension?', i, 1, [v, i]);
      return v instanceof RInterface && v.extends(i as RInterface);
    });
    t.fn('method-in-interface?', 2, 2, (m: Value, i: Value) => {
      if (!(m instanceof Sym)) argError('method-in-interface?', 'symbol?', m, 0, [m, i]);
      return ifaceArg('method-in-interface?', i, 1, [m, i]).methods.has(m.name);
    });
    t.fn('interface->method-names', 1, 1, (i: Value) =>
      listFromArray([...ifaceArg('interface->method-names', i).methods].filter((m) => !hiddenName(m)).map((m) => sym(m))),
    );
    t.fn('class->interface', 1, 1, (c: Value) => classArg('class->interface', c).asInterface());
    t.fn('object-interface', 1, 1, (o: Value) => classOf(objArg('object-interface', o))!.asInterface());
    t.fn('object=?', 2, 2, (a: Value, b: Value) => {
      return originalOf(objArg('object=?', a)) === originalOf(objArg('object=?', b));
    });
    t.fn('object-or-false=?', 2, 2, (a: Value, b: Value) => {
      const x = a === false ? a : originalOf(objArg('object-or-false=?', a));
      const y = b === false ? b : originalOf(objArg('object-or-false=?', b));
      return x === y;
    });
    t.fn('field-names', 1, 1, (o: Value) => {
      const c = classOf(objArg('field-names', o))!;
      return listFromArray(c.fieldOrder.filter((f) => !hiddenName(f)).map((f) => sym(f)));
    });
    t.fn('object->vector', 1, 2, (o: Value, opaque: Value = sym('...')) => {
      const c = classOf(objArg('object->vector', o))!;
      const out: Value[] = [sym(`object:${c.name}`)];
      const chain: RClass[] = [];
      for (let k: RClass | null = c; k !== null; k = k.sup) chain.unshift(k);
      let skipped = false;
      for (const k of chain) {
        if (k.sup === null || !k.transparent) {
          if (!skipped) out.push(opaque);
          skipped = true;
          continue;
        }
        skipped = false;
        const st = k.structType;
        for (let i = 0; i < st.ownInitFields; i++) out.push((o as StructInstance).fields[st.fieldOffset + i]);
      }
      return new RVector(out, true);
    });
    t.fn('dynamic-get-field', 2, 2, (name: Value, o: Value) => {
      if (!(name instanceof Sym)) argError('dynamic-get-field', 'symbol?', name, 0, [name, o]);
      const [obj, i] = fieldPosition('dynamic-get-field', o, name);
      return obj.fields[i];
    });
    t.fn('dynamic-set-field!', 3, 3, (name: Value, o: Value, v: Value) => {
      if (!(name instanceof Sym)) argError('dynamic-set-field!', 'symbol?', name, 0, [name, o, v]);
      const [obj, i] = fieldPosition('dynamic-set-field!', o, name);
      obj.fields[i] = v;
      return VOID;
    });
    const makeGeneric = t.fn('make-generic', 2, 2, (c: Value, m: Value) => {
      if (!(c instanceof RClass) && !(c instanceof RInterface)) argError('make-generic', '(or/c class? interface?)', c, 0, [c, m]);
      if (!(m instanceof Sym)) argError('make-generic', 'symbol?', m, 1, [c, m]);
      const has = c instanceof RClass ? c.methodIndex.has(m.name) : c.methods.has(m.name);
      if (!has)
        failObject(
          `make-generic: no such method\n  method name: ${m.name}\n  ${c instanceof RClass ? 'class' : 'interface'} name: ${c.name}`,
        );
      return new RGeneric(c, m.name);
    });
    t.internal('class:make-generic', makeGeneric);
    t.fn('generic?', 1, 1, (v) => v instanceof RGeneric);
    t.fn('generate-member-key', 0, 0, () => {
      // A name of its own: zero-width characters counting the keys (as define-local-member-name's are), shown as `member`.
      let n = ++memberKeyCount;
      let suffix = '\u2060';
      do {
        suffix += n & 1 ? '\u200c' : '\u200b';
        n >>= 1;
      } while (n > 0);
      return new RMemberKey(uninternedSym(`member${suffix}`));
    });
    t.fn('member-name-key?', 1, 1, (v) => v instanceof RMemberKey);
    const keyArg = (who: string, v: Value, pos?: number, args?: Value[]): RMemberKey =>
      v instanceof RMemberKey ? v : argError(who, 'member-name-key?', v, pos, args);
    t.fn('member-name-key=?', 2, 2, (a: Value, b: Value) => a instanceof RMemberKey && b instanceof RMemberKey && a.name === b.name);
    t.fn('member-name-key-hash-code', 1, 1, (k: Value) => eqHashCode(keyArg('member-name-key-hash-code', k).name));
    t.internal('class:member-key', new Primitive('member-name-key', 1, 1, (s: Value) => new RMemberKey(s as Sym)));
    t.fn('object=-hash-code', 1, 1, (o: Value) => eqHashCode(objArg('object=-hash-code', o)));
    t.value('printable<%>', printableInterface);
    t.value('writable<%>', writableInterface);
    t.value('equal<%>', equalInterface);
    t.value('externalizable<%>', externalizableInterface);
    // dynamic-send passes keyword arguments on to the method.
    const sendTo = (args: Value[]): [Value, Value[]] => {
      const [o, m, ...rest] = args;
      if (!(m instanceof Sym)) argError('dynamic-send', 'symbol?', m);
      if (classOf(o) === null) argError('dynamic-send', 'object?', o);
      return [findMethod('dynamic-send', o, m), [o, ...rest]];
    };
    t.value(
      'dynamic-send',
      new AnyKeywordProcedure(
        new MachinePrimitive('dynamic-send', 4, -1, (m, all) => {
          const [kws, vals, ...args] = all.slice(1);
          const [f, positional] = sendTo(args);
          applyWithKeywords(m, f, listToArray(kws) as Keyword[], listToArray(vals), positional);
        }),
        new MachinePrimitive('dynamic-send', 2, -1, (m, all) => {
          const [f, positional] = sendTo(all.slice(1));
          m.applyArray(f, positional);
        }),
        false,
      ),
    );
    t.value('struct:exn:fail:object', exnFailObjectT);
    const ctor = new Primitive('exn:fail:object', 2, 2, (msg: Value, marks: Value) => {
      if (!(marks instanceof ContinuationMarkSet)) argError('exn:fail:object', 'continuation-mark-set?', marks);
      return makeInstance(exnFailObjectT, [msg, marks]);
    });
    t.value('exn:fail:object', ctor);
    t.value('make-exn:fail:object', ctor);
    t.value('exn:fail:object?', predicateOf(exnFailObjectT));
  });
  // What the class forms expand into (hidden names; see macros/class.ts).
  {
    const helper = (name: string, min: number, max: number, fn: (...args: any[]) => Value) => t.internalFn(name, min, max, fn);
    helper('class:make', 11, 11, makeClass);
    helper('class:install!', 3, 3, installClass);
    helper('class:super-method', 2, 2, superMethod);
    helper('class:method-index', 2, 2, (c: RClass, m: Sym) => c.methodIndex.get(renamed(m.name))!);
    // An inherit-field's slot, from the superclass of class c.
    helper('class:field-index', 2, 2, (c: RClass, fv: Sym) => {
      const f = renamedSym(fv);
      const i = c.sup!.fieldIndex.get(f.name);
      if (i === undefined)
        failObject(
          `class*: superclass does not provide field\n  superclass: ${errorValueString(c.sup!)}\n  field name: ${f.name}\n  class: ${errorValueString(sym(c.name))}`,
        );
      return i;
    });
    helper('class:own-field-base', 1, 1, (c: RClass) => c.structType.fieldOffset);
    helper('class:position', 2, 2, (c: RClass, m: Sym) => c.positions.get(renamed(m.name)) ?? -1);
    helper('class:push-member-names!', 1, 1, (pairs: Value) => {
      memberRenames.push(
        new Map(listToArray(pairs).map((p) => [((p as Pair).car as Sym).name, ((p as Pair).cdr as RMemberKey).name.name])),
      );
      return VOID;
    });
    helper('class:pop-member-names!', 0, 0, () => {
      memberRenames.pop();
      return VOID;
    });
    helper('class:member-key-name', 1, 1, (k: RMemberKey) => k.name);
    // define-member-name's key, checked.
    helper('class:check-member-key', 2, 2, (name: Sym, k: Value) => {
      if (!(k instanceof RMemberKey))
        fail(exnFailT, `define-local-member-name: value is not a member key\n  value: ${errorValueString(k)}\n  local name: ${name.name}`);
      return k;
    });
    helper('class:ref', 2, 2, (o: StructInstance, i: number) => o.fields[i]);
    helper('class:set!', 3, 3, (o: StructInstance, i: number, v: Value) => {
      o.fields[i] = v;
      return VOID;
    });
    // The method at position i of an object's class (for calls inside the class: the object is `this`).
    helper('class:method', 2, 2, (o: StructInstance, i: number) => (o.type.props.get(propClass) as RClass).methods[i]);
    helper('class:inner', 3, 3, (o: StructInstance, i: number, pos: number) => {
      const chain = (o.type.props.get(propClass) as RClass).chains[i];
      return chain !== null && pos + 1 < chain.length ? chain[pos + 1] : false;
    });
    helper('class:find-method', 3, 3, (o: Value, m: Sym, who: Sym) => findMethod(who.name, o, m));
    helper('class:get-field', 3, 3, (o: Value, f: Sym, who: Sym) => {
      const [obj, i] = fieldPosition(who.name, o, f);
      return obj.fields[i];
    });
    helper('class:set-field!', 4, 4, (o: Value, f: Sym, v: Value, who: Sym) => {
      const [obj, i] = fieldPosition(who.name, o, f);
      obj.fields[i] = v;
      return VOID;
    });
    helper('class:field-bound?', 2, 2, (o: Value, f: Sym) => {
      const c = classOf(o);
      if (c === null) argError('field-bound?', 'object?', o);
      return c.fieldIndex.has(f.name);
    });
    helper('class:make-interface', 3, 3, (name: Value, supers: Value, methods: Value) => {
      const ss = listToArray(supers);
      for (const s of ss)
        if (!(s instanceof RInterface))
          failObject(`interface: interface expression returned a non-interface\n  non-interface: ${errorValueString(s)}`);
      return new RInterface(name instanceof Sym ? name.name : String(name), ss as RInterface[], names(methods));
    });
    helper('class:check-interfaces', 2, 2, (cv: RClass, who: Sym) => {
      for (const i of cv.interfaces)
        for (const m of i.methods)
          if (!cv.methodIndex.has(m))
            failObject(
              `${who.name}: missing interface-required method\n  method name: ${m}\n  class name: ${cv.name}\n  interface name: ${i.name}`,
            );
      return VOID;
    });
    // Instantiation (lib/class.rkt drives it; these keep the arguments and check them).
    helper('class:allocate', 1, 1, (c: Value) => {
      if (!(c instanceof RClass)) argError('instantiate', 'class?', c);
      const abstract = c.methodNames.filter((_, i) => c.methods[i] === ABSTRACT);
      if (abstract.length > 0)
        failObject(
          `instantiate: cannot instantiate class with abstract methods\n  class: ${errorValueString(c)}\n  abstract methods:${abstract.map((m) => `\n   ${m}`).join('')}`,
        );
      const fields: Value[] = new Array(c.structType.fieldCount);
      return new StructInstance(c.structType, fields);
    });
    helper('class:seals', 1, 1, (c: Value) => (c instanceof RClass ? c.seals : NULL));
    helper('class:with-seals', 2, 2, (c: RClass, seals: Value) => c.withSeals(seals));
    helper('class:init-args', 2, 2, (pos: Value, named: Value) => new InitArgs(listToArray(pos), namedArgs(named)));
    helper('class:super', 1, 1, (c: RClass) => c.sup ?? false);
    helper('class:visible-super', 1, 1, (c: RClass) => (c.sup !== null && c.sup.sup !== null && c.sup.transparent ? c.sup : false));
    helper('class:init-proc', 1, 1, (c: RClass) => c.initProc);
    helper('class:name', 1, 1, (c: RClass | RInterface) => sym(c.name));
    helper('class:interface?', 1, 1, (v: Value) => v instanceof RInterface);
    helper('class:instance-of?', 2, 2, (v: Value, k: RClass | RInterface) => {
      const c = classOf(v);
      return c !== null && (k instanceof RClass ? c.isSubclassOf(k) : c.implements(k));
    });
    helper('class:implements?', 2, 2, (v: Value, i: RInterface) => v instanceof RClass && v.implements(i));
    helper('class:subclass?', 2, 2, (v: Value, c: RClass) => v instanceof RClass && v.isSubclassOf(c));
    // A class's turn: its by-position arguments name its init variables in order.
    helper('class:take-positional!', 3, 3, (a: InitArgs, c: RClass, o: Value) => {
      if (c.initNames.length === 0) return VOID;
      if (c.initRest) {
        const k = Math.min(a.pos.length, c.initNames.length);
        for (let i = 0; i < k; i++) a.named.push([c.initNames[i], a.pos[i]]);
        a.pos = a.pos.slice(k);
        return VOID;
      }
      if (a.pos.length > c.initNames.length)
        failObject(
          `instantiate: too many initialization arguments\n  arguments: ${a.pos.map((v) => errorValueString(v)).join(' ')}\n  class name: ${classOf(o)!.name}`,
        );
      a.pos.forEach((v, i) => a.named.push([c.initNames[i], v]));
      a.pos = [];
      return VOID;
    });
    helper('class:take!', 2, 2, (a: InitArgs, name: Sym) => {
      const i = a.named.findIndex(([n]) => n === name.name);
      if (i >= 0) return a.named.splice(i, 1)[0][1];
      return NO_ARG;
    });
    helper('class:refuse-rest!', 2, 2, (a: InitArgs, c: RClass) => {
      if (a.pos.length > 0)
        failObject(
          `instantiate: too many initialization arguments\n  arguments: ${a.pos.map((v) => errorValueString(v)).join(' ')}\n  class name: ${c.name}`,
        );
      return VOID;
    });
    helper('class:no-arg?', 1, 1, (v: Value) => v === NO_ARG);
    helper('class:take-rest!', 1, 1, (a: InitArgs) => {
      const l = listFromArray(a.pos);
      a.pos = [];
      return l;
    });
    helper('class:missing-init', 2, 2, (name: Sym, c: RClass) =>
      failObject(
        `instantiate: no argument for required init variable\n  init variable name: ${name.name}\n  instantiated class name: ${c.name}`,
      ),
    );
    // super-new's arguments join what the class did not take.
    helper('class:args-for-super', 4, 4, (a: InitArgs, c: RClass, pos: Value, named: Value) => {
      const mine = new Set(c.initNames);
      return new InitArgs([...listToArray(pos), ...a.pos], [...namedArgs(named), ...a.named.filter(([n]) => !mine.has(n))]);
    });
    helper('class:args-done', 2, 2, (a: InitArgs, o: Value) => {
      const c = classOf(o)!;
      if (a.named.length > 0)
        failObject(
          `instantiate: unused initialization arguments\n  unused arguments:${a.named.map(([n, v]) => `\n   [${n} ${errorValueString(v)}]`).join('')}\n  instantiated class name: ${c.name}`,
        );
      if (a.pos.length > 0)
        failObject(
          `instantiate: too many initialization arguments\n  arguments: ${a.pos.map((v) => errorValueString(v)).join(' ')}\n  class name: ${c.name}`,
        );
      return VOID;
    });
    helper('class:no-super-init', 1, 1, (c: RClass) =>
      failObject(`instantiate: superclass initialization not invoked by initialization\n  class name: ${c.name}`),
    );
    helper('class:generic-method', 2, 2, (g: Value, o: Value) => {
      if (!(g instanceof RGeneric)) argError('send-generic', 'generic?', g);
      const c = classOf(o);
      const ok = c !== null && (g.target instanceof RClass ? c.isSubclassOf(g.target) : c.implements(g.target));
      if (!ok)
        failObject(
          `generic:${g.name}: target is not an instance of the generic's ${g.target instanceof RClass ? 'class' : 'interface'}\n  target: ${errorValueString(o)}\n  ${g.target instanceof RClass ? 'class' : 'interface'} name: ${g.target.name}`,
        );
      return findMethod('send-generic', o, sym(g.name));
    });
    helper('class:method-or-false', 2, 2, (o: Value, m: Sym) => {
      const c = classOf(o)!;
      const i = c.methodIndex.get(m.name);
      return i === undefined || c.methods[i] === ABSTRACT ? false : c.methods[i];
    });
    const ownFields = (c: RClass): string[] => {
      const base = c.structType.fieldOffset;
      return c.fieldOrder.filter((f) => c.fieldIndex.get(f)! >= base);
    };
    helper('class:own-field-names', 1, 1, (c: RClass) => listFromArray(ownFields(c).map((f) => sym(f))));
    const ownField = (who: string, c: RClass, o: Value, n: Value): number => {
      if (classOf(o) === null || !classOf(o)!.isSubclassOf(c)) argError(who, 'object?', o);
      const fs = ownFields(c);
      if (typeof n !== 'number' || n < 0 || n >= fs.length) argError(who, 'exact-nonnegative-integer?', n);
      return c.fieldIndex.get(fs[n])!;
    };
    helper('class:own-field-ref', 3, 3, (c: RClass, o: StructInstance, n: Value) => o.fields[ownField('class-field-accessor', c, o, n)]);
    helper('class:own-field-set!', 4, 4, (c: RClass, o: StructInstance, n: Value, v: Value) => {
      o.fields[ownField('class-field-mutator', c, o, n)] = v;
      return VOID;
    });
    const visible = (c: RClass | null): RClass | null => {
      for (let k = c; k !== null && k.sup !== null; k = k.sup) if (k.transparent) return k;
      return null;
    };
    helper('class:visible-class', 1, 1, (o: Value) => visible(classOf(o)) ?? false);
    helper('class:skipped?', 1, 1, (o: Value) => {
      const c = classOf(o)!;
      return visible(c) !== c;
    });
    helper('class:init-twice', 1, 1, (c: RClass) =>
      failObject(`instantiate: superclass already initialized by class initialization\n  class name: ${c.name}`),
    );
    helper('class:object?', 1, 1, (v: Value) => classOf(v) !== null);
    helper('class:class?', 1, 1, (v: Value) => v instanceof RClass);
    helper('class:is-a?', 2, 2, (o: Value, c: RClass) => classOf(o)?.isSubclassOf(c) ?? false);
    helper('class:check-mixin-argument', 3, 3, (who: Sym, c: Value, i: Value) => {
      if (!(c instanceof RClass) || !(i instanceof RInterface) || !c.implements(i))
        failObject(
          `${who.name}: argument class does not implement interface\n  argument: ${errorValueString(c)}\n  interface name: ${errorValueString(i)}`,
        );
      return VOID;
    });
    helper('class:has-method?', 2, 2, (c: RClass, m: Sym) => c.methodIndex.has(m.name));
    helper('class:has-field?', 2, 2, (c: RClass, f: Sym) => c.fieldIndex.has(f.name));
    helper('class:method-of', 2, 2, (c: RClass, m: Sym) => c.methods[c.methodIndex.get(m.name)!]);
    // class/c's wrapper: a class like `c` whose named methods are the contracted ones given.
    helper('class:wrap', 2, 2, (c: RClass, methods: Value) => {
      const w = new RClass(c.name, c, 0, c.transparent, [], false);
      for (const p of listToArray(methods)) {
        const i = w.methodIndex.get(((p as Pair).car as Sym).name)!;
        w.methods[i] = (p as Pair).cdr;
        const chain = w.chains[i];
        if (chain !== null) chain[0] = (p as Pair).cdr;
      }
      // Its init procedure hands every argument on to the class's.
      w.initProc = new MachinePrimitive('init', 3, 3, (m, all) => m.applyArray(all[3], [all[2], NULL, NULL]));
      return w;
    });
    // object/c's wrapper: the same fields (shared), seen through a class with contracted methods.
    helper('class:wrap-object', 2, 2, (o: StructInstance, w: RClass) => {
      const out = new StructInstance(w.structType, o.fields);
      originals.set(out, originalOf(o));
      return out;
    });
    helper('class:object-class', 1, 1, (o: Value) => classOf(o) ?? argError('this%', 'object?', o));
  }
}
