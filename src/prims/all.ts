// Every primitive module, installed into one table.

import { installControl } from './control.js';
import { installData } from './data.js';
import { installHashes } from './hashes.js';
import { installHigherOrder } from './higher-order.js';
import { installIO } from './io.js';
import { installKeywords } from './keywords.js';
import { installLists } from './lists.js';
import { installNumbers } from './numbers.js';
import { installStructs } from './structs.js';
import { PrimTable } from './table.js';
import { installThreads } from './threads.js';
import { installMisc } from './misc.js';
import { installUdp } from './udp/index.js';
import { installSequences } from './sequences.js';
import { installChannels } from './channels.js';
import { installSemaphores } from './semaphores.js';
import { installEvents } from './events.js';
import { installBreaks } from './breaks.js';
import { installTime } from './time.js';
// Widens the machine's runtime interface with what primitives use (see context.ts).
import './context.js';
import { installCustodians } from './custodians.js';
import { installFormat } from './format.js';
import { installRegexp } from './regexp.js';
import { installMatch } from './match.js';
import { installFiles } from './files.js';
import { installListLib } from './list-lib.js';
import { installStringLib } from './string-lib.js';
import { installSets } from './sets.js';
import { installRandom } from './random.js';
import { installIntegerBytes } from './integer-bytes.js';
import { installBytesMore } from './bytes-more.js';
import { installArity } from './arity.js';
import { installRaiseErrors } from './raise-errors.js';
import { installObjectName } from './object-name.js';
import { installCharsStringsMore } from './chars-strings-more.js';
import { installListsVectorsMore } from './lists-vectors-more.js';
import { installHashesMore } from './hashes-more.js';
import { installProceduresMore } from './procedures-more.js';
import { installNumbersMore } from './numbers-more.js';
import { installSystem } from './system.js';

let cached: PrimTable | null = null;

/** The primitive table. Primitives are stateless (state lives in the runtime a call runs in), so one table serves every runtime. */
export function allPrimitives(): PrimTable {
  if (cached === null) {
    const t = new PrimTable();
    installControl(t);
    installData(t);
    installLists(t);
    installHigherOrder(t);
    installNumbers(t);
    installHashes(t);
    installIO(t);
    installKeywords(t);
    installStructs(t);
    installThreads(t);
    installMisc(t);
    installUdp(t);
    installSequences(t);
    installChannels(t);
    installSemaphores(t);
    installEvents(t);
    installBreaks(t);
    installTime(t);
    installCustodians(t);
    installFormat(t);
    installRegexp(t);
    installMatch(t);
    installFiles(t);
    installListLib(t);
    installStringLib(t);
    installSets(t);
    installRandom(t);
    installIntegerBytes(t);
    installBytesMore(t);
    installArity(t);
    installRaiseErrors(t);
    installObjectName(t);
    installCharsStringsMore(t);
    installListsVectorsMore(t);
    installHashesMore(t);
    installProceduresMore(t);
    installNumbersMore(t);
    installSystem(t);
    cached = t;
  }
  return cached;
}
