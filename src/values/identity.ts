// Identity numbers: what eq-hash-code gives an object, and the number an
// object without a structural key gets in hash-table keys.
//
// eq-hash-code's are counted per runtime (a script must not watch another
// runtime's allocations through them); the scheduler makes a runtime's
// counter current while its threads run. Hash-key numbers stay one count
// for the process: a key made outside any runtime's turn (the embedding
// API converting a value) must be the same key inside it.

class IdentityCounter {
  private readonly ids = new WeakMap<object, number>();
  private next = 1;
  of(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(o, id);
    }
    return id;
  }
}

/** One runtime's identity numbers. */
export class Identities {
  /** eq-hash-code's numbers. */
  readonly eq = new IdentityCounter();
}

let current = new Identities();
const keys = new IdentityCounter();

/** Makes `ids` the numbers that eq-hash-code and hash keys use from now on (a runtime about to run). */
export function useIdentities(ids: Identities): void {
  current = ids;
}

/** eq-hash-code's number for `o`, in the running runtime. */
export function eqIdentity(o: object): number {
  return current.eq.of(o);
}

/** The number standing for `o` in hash-table keys, in the running runtime. */
export function keyIdentity(o: object): number {
  return keys.of(o);
}
