// Every primitive module, installed into one table, in the order of the
// Racket Reference's sections.

import { installEquality } from './equality.js';
import { installBooleans } from './booleans.js';
import { installNumbers } from './numbers.js';
import { installIntegerBytes } from './integer-bytes.js';
import { installRandom } from './random.js';
import { installStrings } from './strings.js';
import { installStringLib } from './string-lib.js';
import { installBytes } from './bytes.js';
import { installChars } from './chars.js';
import { installSymbols } from './symbols.js';
import { installRegexp } from './regexp.js';
import { installKeywords } from './keywords.js';
import { installLists } from './lists.js';
import { installListIteration } from './list-iteration.js';
import { installListLib } from './list-lib.js';
import { installMpairs } from './mpairs.js';
import { installVectors } from './vectors.js';
import { installBoxes } from './boxes.js';
import { installSrcloc } from './srcloc.js';
import { installPaths } from './paths.js';
import { installStructTypes } from './struct-types.js';
import { installLogging } from './logging.js';
import { installHashes } from './hashes.js';
import { installSequences } from './sequences.js';
import { installSets } from './sets.js';
import { installProcedures } from './procedures.js';
import { installKeywordProcedures } from './keyword-procedures.js';
import { installImpersonators } from './impersonators.js';
import { installProcedureImpersonators } from './procedure-impersonators.js';
import { installStructImpersonators } from './struct-impersonators.js';
import { installProcedureExtras } from './procedure-extras.js';
import { installVoid } from './void.js';
import { installStructs } from './structs.js';
import { installObjectName } from './object-name.js';
import { installMultipleValues } from './multiple-values.js';
import { installExceptions } from './exceptions.js';
import { installContinuations } from './continuations.js';
import { installContinuationMarks } from './continuation-marks.js';
import { installParameters } from './parameters.js';
import { installBreaks } from './breaks.js';
import { installExit } from './exit.js';
import { installMatch } from './match.js';
import { installThreads } from './threads.js';
import { installEvents } from './events.js';
import { installChannels } from './channels.js';
import { installSemaphores } from './semaphores.js';
import { installCustodians } from './custodians.js';
import { installSyntax } from './syntax.js';
import { installPorts } from './ports.js';
import { installInput } from './input.js';
import { installOutput } from './output.js';
import { installPrinting } from './printing.js';
import { installFormat } from './format.js';
import { installFilePorts } from './file-ports.js';
import { installFilesystem } from './filesystem.js';
import { installUdp } from './udp/index.js';
import { installTime } from './time.js';
import { installEnvironment } from './environment.js';
import { installMemory } from './memory.js';
import { PrimTable } from './table.js';
// Widens the machine's runtime interface with what primitives use (see context.ts).
import './context.js';

let cached: PrimTable | null = null;

/** The primitive table. Primitives are stateless (state lives in the runtime a call runs in), so one table serves every runtime. */
export function allPrimitives(): PrimTable {
  if (cached === null) {
    const t = new PrimTable();
    // Racket Reference §4, datatypes
    installEquality(t);
    installBooleans(t);
    installNumbers(t);
    installIntegerBytes(t);
    installRandom(t);
    installStrings(t);
    installStringLib(t);
    installBytes(t);
    installChars(t);
    installSymbols(t);
    installRegexp(t);
    installKeywords(t);
    installLists(t);
    installListIteration(t);
    installListLib(t);
    installMpairs(t);
    installVectors(t);
    installBoxes(t);
    installSrcloc(t);
    installPaths(t);
    installStructTypes(t);
    installLogging(t);
    installHashes(t);
    installSequences(t);
    installSets(t);
    installProcedures(t);
    installKeywordProcedures(t);
    installImpersonators(t);
    installProcedureImpersonators(t);
    installStructImpersonators(t);
    installProcedureExtras(t);
    installVoid(t);
    // §5 structures, §6–§10 control
    installStructs(t);
    installObjectName(t);
    installMultipleValues(t);
    installExceptions(t);
    installContinuations(t);
    installContinuationMarks(t);
    installParameters(t);
    installBreaks(t);
    installExit(t);
    installMatch(t);
    // §11 concurrency
    installThreads(t);
    installEvents(t);
    installChannels(t);
    installSemaphores(t);
    installCustodians(t);
    // §12 macros
    installSyntax(t);
    // §13 input and output
    installPorts(t);
    installInput(t);
    installOutput(t);
    installPrinting(t);
    installFormat(t);
    installFilePorts(t);
    // §15 operating system, §16 memory
    installFilesystem(t);
    installUdp(t);
    installTime(t);
    installEnvironment(t);
    installMemory(t);
    cached = t;
  }
  return cached;
}
