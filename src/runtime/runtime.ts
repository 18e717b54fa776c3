// A Runtime: one isolated Racket world — its expander and modules, its
// threads and scheduler, its ports and parameters. Nothing is shared between
// two runtimes except immutable things (primitive procedures, struct types
// of the built-in exceptions).

import { installDictForms } from '../macros/dict-forms.js';
import {
  currentLibraryCollectionLinks,
  currentLibraryCollectionPaths,
  defaultCollectionLinks,
  defaultCollectionPaths,
} from '../prims/collections.js';
import { stdioIdentity } from '../prims/file-ports.js';
import './custom-write.js';
import { RPath } from '../values/path.js';
import { currentDirectory } from '../prims/paths.js';
import { currentLogger, parseLogSpec, rootLogger } from '../prims/logging.js';
import { compile } from '../eval/compile.js';
import { TOP_LEVEL_BODY, moduleBodyInfo } from '../eval/proc-info.js';
import type { Core } from '../expand/core.js';
import { callHandler, NO_HANDLER } from '../eval/exceptions.js';
import type { Machine } from '../eval/machine.js';
import { ContinuationMarkSet, PARAMZ_KEY, ThreadCell, type Paramz } from '../eval/marks.js';
import { ApplyNode, Const, Prompt, Seq, type Node } from '../eval/nodes.js';
import { MachinePrimitive, Primitive, type Parameter } from '../eval/procedures.js';
import { derivedParamValue, withGuardedValue } from '../prims/parameters.js';
import { Expander, type Meaning } from '../expand/expander.js';
import { installCoreForms } from '../expand/core-forms.js';
import { installDerivedForms } from '../macros/derived.js';
import { installCommandLineForm } from '../macros/cmdline.js';
import { installTemporaryFileForms } from '../macros/temporary-files.js';
import { installStreamForms } from '../macros/stream-forms.js';
import { installGeneratorForms } from '../macros/generator-forms.js';
import { installTraceForms } from '../macros/trace-forms.js';
import { installUrlStructInfo } from '../macros/url-structs.js';
import { installGvectorForms } from '../macros/gvector-forms.js';
import { GenericInfo } from '../macros/generic-interfaces.js';
import { installGenericForms } from '../macros/generics.js';
import { DICT_METHODS } from '../prims/dicts.js';
import { installPromiseForms } from '../macros/promise-forms.js';
import { installFutureForms } from '../macros/future-forms.js';
import {
  installRackunitForms,
  installRackunitStructInfo,
  makeCheckTransformer,
  makeShortcutTransformer,
} from '../macros/rackunit-forms.js';
import { CONTRACTED_STRUCT_INFO, expandContractOut, installContractForms, makeBoundaryTransformer } from '../macros/contracts.js';
import { installDependentContractForms, makeContractStructDcTransformer } from '../macros/dependent-contracts.js';
import { installParametricContractForms } from '../macros/parametric-contracts.js';
import { installClassForms } from '../macros/class.js';
import { eraseAnnotatedNames, typedForms } from '../macros/typed-erasure.js';
import { printResultsAsWritten } from '../prims/print-params.js';
import { legacyForms, mzschemeForms } from '../macros/legacy-forms.js';
import { installLocalAndShared } from '../macros/local-shared.js';
import { installEnterForms } from '../macros/enter.js';
import { installUnitForms } from '../macros/units.js';
import { installBooleanForms, installFunctionForms } from '../macros/function-forms.js';
import { SET_METHODS } from '../prims/generic-sets.js';
import { installSetForms } from '../macros/set-forms.js';
import { installIncludeForms } from '../macros/include-forms.js';
import { installMatchForms, installMatchHelpers, MatchLocation } from '../macros/match.js';
import { ModuleInfo, expandModule, type ModuleLoader } from '../expand/modules.js';
import { Namespace } from '../expand/namespace.js';
import { RuntimeNamespaces } from './namespaces.js';
import { useIdentities } from '../values/identity.js';
import { NextNodeFrame, StartupNode, type StartupHost, type StartupStep } from './startup.js';
import { currentNamespace } from '../prims/namespaces.js';
import { installModuleForms } from '../expand/module-forms.js';
import { installSyntaxForms, installSyntaxParameterForms } from '../expand/syntax-forms.js';
import { installSyntaxParseForms } from '../expand/syntax-parse.js';
import {
  installDefmacroMacros,
  installRacketSyntaxMacros,
  installStxparamMacros,
  installSyntaxMacros,
  installSyntaxParseDefineMacros,
  installSyntaxParserMacro,
} from '../macros/syntax.js';
import type { Host } from '../host/host.js';
import { displayString, printString } from '../printer/print.js';
import { errorPrintContextLength, finishMain, handleUncaught } from '../prims/error-handlers.js';
import { contextLines, type ContextEntry } from '../eval/error-context.js';
import { currentEvtPseudoRandomGenerator } from '../prims/events.js';
import { currentPlumber, originalPlumber } from '../prims/plumbers.js';
import { allPrimitives } from '../prims/all.js';
import { InputPort } from '../io/input-port.js';
import { readModuleSource, readAll, ReadError } from '../reader/index.js';
import { Syntax, type SrcLoc } from '../values/syntax.js';
import { StructInstance } from '../values/struct.js';
import { NULL, Pair, RString, RVector, VOID, type Value } from '../values/types.js';
import { clockSeededGenerator, currentPseudoRandomGenerator } from '../prims/random.js';
import { Custodian, currentCustodian, manageThread } from '../thread/custodian.js';
import { TopVar } from '../expand/core.js';
import { parentChannel, placeBody } from '../prims/places.js';
import { installPlaceForms } from '../macros/place-forms.js';
import {
  RacketThrow,
  exnFailContractT,
  exnFailReadT,
  exnFailSyntaxT,
  exnFailSyntaxMissingModuleT,
  exnFailFilesystemT,
  exnFailUserT,
  exnMiscMatchT,
  exnMessage,
  isExn,
  makeExn,
} from '../errors/exn.js';
import { OutputPort, decodeLeniently } from '../io/output-port.js';
import { Scheduler, inheritPreservedCells } from '../thread/scheduler.js';
import type { BreakKind, RThread, Task } from '../thread/thread.js';
import { LIBRARY_FILES } from '../lib/index.js';
import { installLibraryFiles } from './library-loader.js';
import { CompileTime } from './compile-time.js';
import { type ReplError, replBacktrace, replErrorDisplay } from './repl-errors.js';
import { ALL_PHASES } from '../expand/bindings.js';
import { formatLoc, isLocationless } from '../expand/expander.js';
import { srclocT } from '../prims/srcloc.js';
import { scopeSetAdd } from '../expand/scopes.js';
import { makeSyntaxRules } from '../expand/syntax-rules.js';
import { keywordApplyHook } from '../prims/keyword-procedures.js';
import { contractApplyHook } from '../prims/contracts.js';
import { expandTopLevel } from '../expand/top-level.js';
import { numericVectorForForms, setForForms } from '../macros/for.js';
import { Node as BaseNode } from '../eval/nodes.js';
import { currentErrorPort, currentInputPort, currentOutputPort } from '../prims/ports.js';
import { commandLineArguments } from '../prims/environment.js';
import { currentPrint } from '../prims/repl.js';
import { prettyPrinter } from '../prims/pretty.js';

export interface RuntimeOptions {
  host: Host;
  /** Command-line arguments for `current-command-line-arguments`. */
  args?: string[];
  /** The program as the command line named it (`(find-system-path 'run-file)`); default `rkt`. */
  runFile?: string;
  /** The log levels written to stderr and stdout, as PLTSTDERR and PLTSTDOUT spell them (racket's -W and -O); those variables otherwise. */
  logLevels?: { stderr?: string; stdout?: string };
  /** Calls of a lambda (run directly on the JS stack) before its body is compiled to JS; default 8. */
  jitAfter?: number;
  /** Shown the source of each function the JIT generates (debugging). */
  jitDump?: (source: string) => void;
}

/** [name under the runtime's racket/base scope, library, name there]: what JS macros call. */
const MACRO_HELPERS: readonly (readonly [string, string, string])[] = [
  ['%parse-command-line', 'racket/cmdline', 'parse-command-line'],
  ['%make-custom-hash-types', 'racket/dict', 'make-custom-hash-types'],
  ['%custom-equality-spec', '#%rkt-internal', 'custom-equality-spec'],
  ['%make-custom-set-types', 'racket/set', 'make-custom-set-types'],
  ['%set-contract-wrap', '#%rkt-internal', 'set-contract-wrap'],
  ['%make-temporary-file', '#%rkt-internal', 'make-temporary-file'],
  ['%make-temporary-directory', '#%rkt-internal', 'make-temporary-directory'],
  ['%make-temporary-file*', '#%rkt-internal', 'make-temporary-file*'],
  ['%make-temporary-directory*', '#%rkt-internal', 'make-temporary-directory*'],
  ['%make-temporary/affixes', '#%rkt-internal', 'make-temporary/affixes'],
  ['%thread-promise', '#%rkt-internal', 'thread-promise'],
  ['%force', 'racket/promise', 'force'],
  ['%future', 'racket/future', 'future'],
  ['%touch', 'racket/future', 'touch'],
  ['%place-channel-get', 'racket/place', 'place-channel-get'],
  ['%rackunit-check-apply', '#%rkt-internal', 'check-apply'],
  ['%rackunit-check-procedure', '#%rkt-internal', 'check-procedure'],
  ['%rackunit-check-body', '#%rkt-internal', 'check-body'],
  ['%rackunit-with-check-info*', '#%rkt-internal', 'with-check-info*'],
  ['%rackunit-with-default-check-info*', '#%rkt-internal', 'with-default-check-info*'],
  ['%rackunit-make-check-info', 'rackunit', 'make-check-info'],
  ['%rackunit-make-check-name', '#%rkt-internal', 'make-check-name'],
  ['%rackunit-make-check-location', '#%rkt-internal', 'make-check-location'],
  ['%rackunit-make-check-expression', '#%rkt-internal', 'make-check-expression'],
  ['%rackunit-make-check-actual', '#%rkt-internal', 'make-check-actual'],
  ['%rackunit-make-check-expected', '#%rkt-internal', 'make-check-expected'],
  ['%rackunit-fail-check', '#%rkt-internal', 'fail-check'],
  ['%rackunit-test-begin', '#%rkt-internal', 'test-begin'],
  ['%rackunit-test-case', '#%rkt-internal', 'test-case'],
  ['%rackunit-test-suite', '#%rkt-internal', 'test-suite'],
  ['%rackunit-delay-test', '#%rkt-internal', 'delay-test'],
  ['%rackunit-void-thunk', '#%rkt-internal', 'void-thunk'],
  ['%rackunit-match', 'racket/match', 'match'],
  ['%rackunit-expose', '#%rkt-internal', 'rackunit-expose'],
  ['%for-stream-bind', '#%rkt-internal', 'for-stream-bind'],
  ['%create-generator', '#%rkt-internal', 'create-generator'],
  ['%c:apply-contract', '#%rkt-internal', 'contract-apply-contract'],
  ['%c:make-arrow-contract', '#%rkt-internal', 'contract-make-arrow-contract'],
  ['%c:make-struct/c', '#%rkt-internal', 'contract-make-struct/c'],
  ['%c:make-recursive-contract', '#%rkt-internal', 'contract-make-recursive-contract'],
  ['%c:make-case-arrow', '#%rkt-internal', 'contract-make-case-arrow'],
  ['%c:make-dependent-arrow', '#%rkt-internal', 'contract-make-dependent-arrow'],
  ['%c:make-method-dependent-arrow', '#%rkt-internal', 'contract-make-method-dependent-arrow'],
  ['%c:mixin-contract', '#%rkt-internal', 'contract-mixin-contract'],
  ['%c:method-contract-named', '#%rkt-internal', 'contract-method-contract-named'],
  ['%c:make-unit/c', '#%rkt-internal', 'contract-make-unit/c'],
  ['%c:contract-out-value', '#%rkt-internal', 'contract-contract-out-value'],
  ['%c:invariant-assertion', '#%rkt-internal', 'contract-invariant-assertion'],
  ['%c:or/c', 'racket/contract', 'or/c'],
  ['%c:make-d-arrow', '#%rkt-internal', 'contract-make-d-arrow'],
  ['%c:make-struct/dc', '#%rkt-internal', 'contract-make-struct/dc'],
  ['%c:make-hash/dc', '#%rkt-internal', 'contract-make-hash/dc'],
  ['%c:make-cons/dc', '#%rkt-internal', 'contract-make-cons/dc'],
  ['%c:contract-struct-family', '#%rkt-internal', 'contract-make-contract-struct-family'],
  ['%c:make-polymorphic', '#%rkt-internal', 'contract-make-polymorphic'],
  ['%c:make-prompt-tag/c', '#%rkt-internal', 'contract-make-prompt-tag/c'],
  ['%c:pos/neg-doubling', '#%rkt-internal', 'contract-pos/neg-doubling'],
  ['%c:generator-of-parts', '#%rkt-internal', 'contract-generator-of-parts'],
  ['%c:make-struct-guard', '#%rkt-internal', 'contract-make-struct-guard'],
  ['%c:contract-continuation-mark-key', 'racket/contract', 'contract-continuation-mark-key'],
  ['%c:make-forall/exists', '#%rkt-internal', 'contract-make-forall/exists'],
  ['%c:blame-add-context', 'racket/contract', 'blame-add-context'],
  ['%c:blame-add-range-context', 'racket/contract', 'blame-add-range-context'],
  ['%c:the-unsupplied-arg', 'racket/contract', 'the-unsupplied-arg'],
  ['%unit-invoke', '#%rkt-internal', 'unit-invoke'],
  ['%unit-invoke/exports', '#%rkt-internal', 'unit-invoke/exports'],
  ['%unit-compound', '#%rkt-internal', 'unit-compound'],
  ['%c:rename-contract', 'racket/contract', 'rename-contract'],
  ['%c:contract-name', 'racket/contract', 'contract-name'],
  ['%c:flat-named-contract', 'racket/contract', 'flat-named-contract'],
  // For library files whose contracts are racket/contract's (lib/async-channel.rkt).
  ['%c:coerce-contract', 'racket/contract', 'coerce-contract'],
  ['%c:contract?', 'racket/contract', 'contract?'],
  ['%c:chaperone-contract?', 'racket/contract', 'chaperone-contract?'],
  ['%generic-redirect', '#%rkt-internal', 'generic-redirect'],
  ['%generic-make-contract', '#%rkt-internal', 'generic-make-contract'],
  ['%c:blame-swap', 'racket/contract', 'blame-swap'],
  ['%c:raise-blame-error', 'racket/contract', 'raise-blame-error'],
  ['%c:and/c', 'racket/contract', 'and/c'],
  ['%c:listof', 'racket/contract', 'listof'],
  ['%c:list/c', 'racket/contract', 'list/c'],
  ['%c:cons/c', 'racket/contract', 'cons/c'],
  ['%c:vectorof', 'racket/contract', 'vectorof'],
  ['%c:box/c', 'racket/contract', 'box/c'],
  ['%c:hash/c', 'racket/contract', 'hash/c'],
  ['%c:any/c', 'racket/contract', 'any/c'],
  ['%c:flat-named-contract', 'racket/contract', 'flat-named-contract'],
  ['%c:contract-first-order-passes?', 'racket/contract', 'contract-first-order-passes?'],
  ['%for/set', 'racket/set', 'for/set'],
  ['%for*/set', 'racket/set', 'for*/set'],
  ['%c:make-unconstrained-domain', '#%rkt-internal', 'contract-make-unconstrained-domain'],
  ['%trace-install', '#%rkt-internal', 'trace-install'],
  // lib/uri-codec.rkt's codecs and lib/url.rkt's errors, for lib/url.rkt and lib/url-fetch.rkt.
  ['%url-error', '#%rkt-internal', 'url-error'],
  ['%tcp-connect', 'racket/tcp', 'tcp-connect'],
  ['%gvector-make', 'data/gvector', 'make-gvector'],
  ['%gvector-add!', 'data/gvector', 'gvector-add!'],
  ['%url->string', 'net/url', 'url->string'],
  ['%string->url', 'net/url', 'string->url'],
  ['%url->path', 'net/url', 'url->path'],
  ['%url-contract-error', '#%rkt-internal', 'url-contract-error'],
  ['%uri-encode', '#%rkt-internal', 'uri-encode'],
  ['%uri-decode', '#%rkt-internal', 'uri-decode'],
  ['%uri-path-segment-encode', '#%rkt-internal', 'uri-path-segment-encode'],
  ['%uri-path-segment-decode', '#%rkt-internal', 'uri-path-segment-decode'],
  ['%uri-userinfo-encode', '#%rkt-internal', 'uri-userinfo-encode'],
  ['%uri-unreserved-encode', '#%rkt-internal', 'uri-unreserved-encode'],
  ['%uri-path-segment-unreserved-encode', '#%rkt-internal', 'uri-path-segment-unreserved-encode'],
  ['%alist->form-urlencoded', '#%rkt-internal', 'alist->form-urlencoded'],
  ['%form-urlencoded->alist', '#%rkt-internal', 'form-urlencoded->alist'],
  ['%trace-do-traced', '#%rkt-internal', 'do-traced'],
  ['%traced-original', '#%rkt-internal', 'traced-original'],
  ['%class-instantiate', '#%rkt-internal', 'class-instantiate'],
  ['%class-check-seals', '#%rkt-internal', 'class-check-seals'],
  ['%class-call-with-member-names', '#%rkt-internal', 'class-call-with-member-names'],
  ['%class-make-class/c', '#%rkt-internal', 'class-make-class/c'],
  ['%base-raise-syntax-error', 'racket/base', 'raise-syntax-error'],
  ['%dynamic-enter!', 'racket/enter', 'dynamic-enter!'],
  ['%repl-time', '#%rkt-internal', 'repl-time'],
];

/** mzscheme's names for procedures racket/base has under new names (the same procedures). */
const MZSCHEME_OLD_NAMES: Record<string, string> = {
  'hash-table-get': 'hash-ref',
  'hash-table-put!': 'hash-set!',
  'hash-table-remove!': 'hash-remove!',
  'hash-table-map': 'hash-map',
  'hash-table-for-each': 'hash-for-each',
  'hash-table-count': 'hash-count',
  'hash-table-copy': 'hash-copy',
  'hash-table-iterate-first': 'hash-iterate-first',
  'hash-table-iterate-next': 'hash-iterate-next',
  'hash-table-iterate-key': 'hash-iterate-key',
  'hash-table-iterate-value': 'hash-iterate-value',
  'syntax-object->datum': 'syntax->datum',
  'module-identifier=?': 'free-identifier=?',
  'module-transformer-identifier=?': 'free-transformer-identifier=?',
  'module-template-identifier=?': 'free-template-identifier=?',
  'module-label-identifier=?': 'free-label-identifier=?',
  'list-immutable': 'list',
};

/** Languages whose configure-runtime sets print-as-expression to #f. */
const LEGACY_LANGUAGES = new Set(['scheme', 'scheme/base', 'mzscheme']);

/** The libraries `racket` provides besides racket/base, as Racket 8.7's racket/main.rkt lists them. */
const RACKET_PARTS = [
  'racket/contract',
  'racket/class',
  'racket/unit',
  'racket/dict',
  'racket/include',
  'racket/pretty',
  'racket/math',
  'racket/match',
  'racket/shared',
  'racket/set',
  'racket/tcp',
  'racket/udp',
  'racket/list',
  'racket/vector',
  'racket/string',
  'racket/bytes',
  'racket/function',
  'racket/path',
  'racket/file',
  'racket/place',
  'racket/future',
  'racket/port',
  'racket/cmdline',
  'racket/promise',
  'racket/bool',
  'racket/stream',
  'racket/sequence',
  'racket/local',
  'racket/system',
  'racket/format',
];

export class Runtime {
  readonly host: Host;
  readonly jitAfter: number;
  readonly jitDump: ((source: string) => void) | null;
  /** Errors of the JIT (bugs): the lambdas they hit stay interpreted. Tests check it stays empty. */
  readonly jitFailures: unknown[] = [];
  readonly sched: Scheduler;
  readonly ex = new Expander();
  readonly compileTime: CompileTime;
  readonly stdout: OutputPort;
  readonly stderr: OutputPort;
  readonly libraries = new Map<string, ModuleInfo>();
  private readonly files = new Map<string, ModuleInfo>();
  /** Modules declared at the top level (`(module m ...)` in the REPL or eval), by name. */
  readonly topModules = new Map<string, ModuleInfo>();
  readonly declarations = new WeakMap<Core, ModuleInfo>();
  private readonly loading = new Set<string>();
  /** The namespace of top-level forms (-e, the REPL, embedding's eval); a command line's init library decides it. */
  topLevel: Namespace;
  readonly namespaces = new RuntimeNamespaces(this);
  /** The thread cells that hold parameters' values outside any parameterize (made on first use). */
  private readonly paramBases = new Map<Parameter, ThreadCell>();
  readonly args: string[];
  readonly runFilePath: string;
  private readonly startEpoch = Date.now();
  private readonly startClock: number;
  /** The thread whose end ends the run. */
  mainThread: RThread | null = null;
  private finish: ((code: number | null) => void) | null = null;
  /** REPL mode: the end of the main thread does not end the run, and errors print REPL-style. */
  private interactive = false;
  /** A command line's REPL (-i) follows its start-up steps: the main thread's end does not end the run. */
  private replFollows = false;
  exitCode = 0;
  /** What the run holds open (sockets): closed when the run ends. */
  readonly resources = new Set<{ close(): void; closed: boolean }>();
  /** Set once the run has ended (exit or main thread done). */
  ended = false;
  /**
   * Whether what was last written to standard output ends a line; the REPL
   * sets it when it has read a line, and starts its prompt on a fresh line.
   */
  stdoutLineStart = true;

  constructor(opts: RuntimeOptions) {
    this.host = opts.host;
    this.jitAfter = opts.jitAfter ?? 8;
    this.jitDump = opts.jitDump ?? null;
    this.args = opts.args ?? [];
    this.runFilePath = opts.runFile ?? 'rkt';
    this.startClock = this.host.now();
    this.sched = new Scheduler(this, this.host);
    // What the constructor sets up (libraries, parameters) gets this runtime's identity numbers too.
    useIdentities(this.sched.identities);
    this.sched.onIdle = () => this.flushPorts();
    this.compileTime = new CompileTime(this.sched);
    this.ex.compileTime = this.compileTime;
    const host = this.host;
    this.stdout = new OutputPort('stdout', (d) => {
      if (d.length > 0) this.stdoutLineStart = typeof d === 'string' ? d.endsWith('\n') : d[d.length - 1] === 10;
      return typeof d === 'string' ? host.writeStdout(d) : host.writeStdoutBytes?.(d) || host.writeStdout(decodeLeniently(d));
    });
    this.stderr = new OutputPort('stderr', (d) =>
      typeof d === 'string' ? host.writeStderr(d) : host.writeStderrBytes?.(d) || host.writeStderr(decodeLeniently(d)),
    );
    this.stdout.fileStream = true;
    this.stderr.fileStream = true;
    this.stdout.terminal = host.isTerminal?.(1) ?? false;
    this.stdout.fileIdentity = stdioIdentity(host, 1);
    this.stderr.fileIdentity = stdioIdentity(host, 2);
    this.stderr.terminal = host.isTerminal?.(2) ?? false;
    // As Racket's: output to a terminal goes out at each newline, error output at once.
    this.stdout.bufferMode = this.stdout.terminal ? 'line' : 'block';
    this.stderr.bufferMode = 'none';
    this.setParamBase(currentOutputPort, this.stdout);
    const cwd = this.host.cwd();
    this.setParamBase(currentDirectory, new RPath(cwd.endsWith('/') ? cwd : `${cwd}/`));
    this.setParamBase(currentLibraryCollectionPaths, defaultCollectionPaths(this.host));
    this.setParamBase(currentLibraryCollectionLinks, defaultCollectionLinks(this.host));
    this.setParamBase(
      currentLogger,
      rootLogger([
        { filter: parseLogSpec(opts.logLevels?.stderr ?? this.host.getenv?.('PLTSTDERR')), port: () => this.stderr },
        { filter: parseLogSpec(opts.logLevels?.stdout ?? this.host.getenv?.('PLTSTDOUT'), 'none'), port: () => this.stdout },
      ]),
    );
    this.setParamBase(currentErrorPort, this.stderr);
    const readStdin = this.host.readStdin?.bind(this.host);
    const stdin = new InputPort(new Uint8Array(0), 'stdin', readStdin ?? null);
    stdin.fileStream = true;
    stdin.terminal = host.isTerminal?.(0) ?? false;
    stdin.fileIdentity = stdioIdentity(host, 0);
    this.setParamBase(currentInputPort, stdin);
    this.setParamBase(currentCustodian, this.rootCustodian);
    this.setParamBase(currentPlumber, this.originalPlumber);
    this.setParamBase(currentPseudoRandomGenerator, clockSeededGenerator(this.startEpoch));
    this.setParamBase(currentEvtPseudoRandomGenerator, clockSeededGenerator(this.startEpoch + 1));
    this.setParamBase(
      commandLineArguments,
      new RVector(
        this.args.map((a) => new RString(a, false)),
        false,
      ),
    );
    this.ex.cwd = this.host.cwd();
    this.ex.transformerMakers.set('syntax-rules', makeSyntaxRules);
    this.applyHooks.push(keywordApplyHook);
    this.applyHooks.push(contractApplyHook);
    this.ex.library = (name) => this.library(name);
    this.installLibraries();
    // racket/init's: racket, and racket/enter for the REPL.
    this.topLevel = new Namespace(['racket', 'racket/enter']);
    this.setParamBase(currentNamespace, this.topLevel);
  }

  // ---------------------------------------------------------------- libraries

  private installLibraries(): void {
    const base = new ModuleInfo('racket/base');
    const define = (name: string, m: Meaning) => base.exports.set(name, m);
    installCoreForms(this.ex, define);
    installDerivedForms(define);
    installModuleForms(this.ex, define);
    installSyntaxForms(this.ex, define);
    installSyntaxMacros(define);
    const prims = allPrimitives();
    for (const [name, v] of prims.internals) this.ex.internals.set(name, v);
    const libs = new Map<string, ModuleInfo>([['racket/base', base]]);
    for (const d of prims.defs) {
      // A library's names for syntax are tagged `LIB#for-syntax`.
      const forSyntax = d.library.endsWith('#for-syntax');
      const libName = forSyntax ? d.library.slice(0, -'#for-syntax'.length) : d.library;
      let lib = libs.get(libName);
      if (lib === undefined) {
        lib = new ModuleInfo(libName);
        libs.set(libName, lib);
      }
      const v = new TopVar(d.name, d.library);
      v.value = d.value;
      v.constant = true;
      (forSyntax ? lib.syntaxExports : lib.exports).set(d.name, { kind: 'top', v, imported: true });
    }
    for (const [name, lib] of libs) this.libraries.set(name, lib);
    // racket/base names are bound under the expander's base scope.
    // Every phase sees them there: JS macros build their output from them.
    for (const [name, m] of base.exports) this.ex.table.add(name, [this.ex.baseScope], m, ALL_PHASES);
    // racket/match's forms are macros; its run-time part is in the primitive table.
    const matchLib = this.libraries.get('racket/match') ?? this.addLibrary('racket/match');
    installMatchForms((name, m) => matchLib.exports.set(name, m));
    installIncludeForms((name, m) => (this.libraries.get('racket/include') ?? this.addLibrary('racket/include')).exports.set(name, m));
    installMatchHelpers(this.ex, (name, m) => this.ex.table.add(name, [this.ex.baseScope], m, ALL_PHASES));
    // mzlib/match: the same forms, whose patterns may also be written the old way.
    const mzlibMatch = this.libraries.get('mzlib/match') ?? this.addLibrary('mzlib/match');
    installMatchForms((name, m) => mzlibMatch.exports.set(name, m), true);
    // The libraries written in Racket (src/lib) extend racket/base, racket/list, ...
    this.loadRacketLibraries(base);
    installFunctionForms((name, m) => (this.libraries.get('racket/function') ?? this.addLibrary('racket/function')).exports.set(name, m));
    installBooleanForms((name, m) => (this.libraries.get('racket/bool') ?? this.addLibrary('racket/bool')).exports.set(name, m));
    // racket/cmdline: command-line expands into a call of the library's parse-command-line.
    const cmdline = this.libraries.get('racket/cmdline') ?? this.addLibrary('racket/cmdline');
    installCommandLineForm((name, m) => cmdline.exports.set(name, m));
    // racket/file: the make-temporary-file forms name a file after where they are used.
    const files = this.libraries.get('racket/file') ?? this.addLibrary('racket/file');
    installTemporaryFileForms((name, m) => files.exports.set(name, m));
    installPromiseForms((name, m) => (this.libraries.get('racket/promise') ?? this.addLibrary('racket/promise')).exports.set(name, m));
    installPlaceForms((name, m) => (this.libraries.get('racket/place') ?? this.addLibrary('racket/place')).exports.set(name, m));
    installFutureForms((name, m) => (this.libraries.get('racket/future') ?? this.addLibrary('racket/future')).exports.set(name, m));
    installLocalAndShared((lib, name, m) => (this.libraries.get(lib) ?? this.addLibrary(lib)).exports.set(name, m));
    installEnterForms((name, m) => (this.libraries.get('racket/enter') ?? this.addLibrary('racket/enter')).exports.set(name, m));
    installUnitForms((name, m) => (this.libraries.get('racket/unit') ?? this.addLibrary('racket/unit')).exports.set(name, m));
    const contract = this.libraries.get('racket/contract') ?? this.addLibrary('racket/contract');
    installContractForms((name, m) => contract.exports.set(name, m));
    installDependentContractForms((name, m) => contract.exports.set(name, m));
    installParametricContractForms((name, m) => contract.exports.set(name, m));
    this.ex.table.add(CONTRACTED_STRUCT_INFO[0], [this.ex.baseScope], CONTRACTED_STRUCT_INFO[1], ALL_PHASES);
    installClassForms((name, m) =>
      name.startsWith('%')
        ? this.ex.table.add(name, [this.ex.baseScope], m, ALL_PHASES)
        : (this.libraries.get('racket/class') ?? this.addLibrary('racket/class')).exports.set(name, m),
    );
    this.ex.contractOut = (spec, define) => expandContractOut(spec, this.ex, define);
    const rackunit = this.libraries.get('rackunit') ?? this.addLibrary('rackunit');
    installRackunitForms((name, m) => rackunit.exports.set(name, m));
    installRackunitStructInfo(this.ex, rackunit.exports, (name, m) => this.ex.table.add(name, [this.ex.baseScope], m, ALL_PHASES));
    // define-check and define-shortcut bind names to transformers made from `(%rackunit-...-transformer ...)`.
    for (const [form, maker] of [
      ['%rackunit-check-transformer', makeCheckTransformer],
      ['%rackunit-shortcut-transformer', makeShortcutTransformer],
      ['%contract-boundary-transformer', makeBoundaryTransformer],
      ['%contract-struct-dc-transformer', makeContractStructDcTransformer],
    ] as const) {
      this.ex.transformerMakers.set(form, maker);
      this.ex.table.add(
        form,
        [this.ex.baseScope],
        this.ex.coreForm(form, (stx, ex) => ex.badSyntax(stx)),
        ALL_PHASES,
      );
    }
    installStreamForms((name, m) => (this.libraries.get('racket/stream') ?? this.addLibrary('racket/stream')).exports.set(name, m));
    installGeneratorForms((name, m) =>
      (this.libraries.get('racket/generator') ?? this.addLibrary('racket/generator')).exports.set(name, m),
    );
    for (const name of ['net/url-structs', 'net/url']) {
      const lib = this.libraries.get(name)!;
      installUrlStructInfo(this.ex, name, lib.exports, (n, m) => this.ex.table.add(n, [this.ex.baseScope], m, ALL_PHASES));
    }
    installGvectorForms((name, m) => (this.libraries.get('data/gvector') ?? this.addLibrary('data/gvector')).exports.set(name, m));
    const traceLib = this.libraries.get('racket/trace') ?? this.addLibrary('racket/trace');
    installTraceForms((name, m) =>
      name.startsWith('%') ? this.ex.table.add(name, [this.ex.baseScope], m, ALL_PHASES) : traceLib.exports.set(name, m),
    );
    installDictForms((name, m) => (this.libraries.get('racket/dict') ?? this.addLibrary('racket/dict')).exports.set(name, m));
    (this.libraries.get('racket/dict') ?? this.addLibrary('racket/dict')).exports.set('gen:dict', {
      kind: 'syntax',
      value: new GenericInfo('gen:dict', 'prop:gen:dict', DICT_METHODS),
    });
    installSetForms((name, m) => (this.libraries.get('racket/set') ?? this.addLibrary('racket/set')).exports.set(name, m));
    (this.libraries.get('racket/set') ?? this.addLibrary('racket/set')).exports.set('gen:set', {
      kind: 'syntax',
      value: new GenericInfo('gen:set', 'prop:gen:set', SET_METHODS),
    });
    installGenericForms(
      (name, m) => (this.libraries.get('racket/generic') ?? this.addLibrary('racket/generic')).exports.set(name, m),
      (name, m) => this.ex.table.add(name, [this.ex.baseScope], m, ALL_PHASES),
    );
    // Library procedures that JS macros expand into calls of, under names programs cannot see.
    for (const [hidden, lib, name] of MACRO_HELPERS) {
      this.ex.table.add(hidden, [this.ex.baseScope], this.libraries.get(lib)!.exports.get(name)!, ALL_PHASES);
    }
    const parse = this.libraries.get('syntax/parse') ?? this.addLibrary('syntax/parse');
    // Also under the runtime's own racket/base scope, for JS macros that expand into syntax-parse (programs do not see it there).
    const addParse = (name: string, m: Meaning) => {
      parse.exports.set(name, m);
      this.ex.table.add(name, [this.ex.baseScope], m, ALL_PHASES);
    };
    installSyntaxParseForms(this.ex, addParse);
    installSyntaxParserMacro(addParse);
    const parseDefine = this.libraries.get('syntax/parse/define') ?? this.addLibrary('syntax/parse/define');
    installSyntaxParseDefineMacros((name, m) => parseDefine.exports.set(name, m));
    const stxparam = this.libraries.get('racket/stxparam') ?? this.addLibrary('racket/stxparam');
    installStxparamMacros((name, m) => stxparam.exports.set(name, m));
    installSyntaxParameterForms(this.ex, (name, m) => {
      stxparam.exports.set(name, m);
      // Under a hidden name too, for JS macros (match's failure-cont).
      this.ex.table.add(`%${name}`, [this.ex.baseScope], m, ALL_PHASES);
    });
    for (const name of ['mzlib/defmacro', 'compatibility/defmacro']) {
      const lib = this.libraries.get(name) ?? this.addLibrary(name);
      installDefmacroMacros((n, m) => lib.exports.set(n, m));
    }
    installRacketSyntaxMacros((name, m) => (this.libraries.get('racket/syntax') ?? this.addLibrary('racket/syntax')).exports.set(name, m));
    // racket/set's `for` forms (its procedures come with the primitives).
    const sets = this.libraries.get('racket/set') ?? this.addLibrary('racket/set');
    for (const [name, m] of setForForms()) sets.exports.set(name, m);
    for (const [lib, name, m] of numericVectorForForms()) (this.libraries.get(lib) ?? this.addLibrary(lib)).exports.set(name, m);
    // `racket` is racket/base plus the libraries Racket's racket/main.rkt provides (not json, syntax/parse, ...).
    const full = new ModuleInfo('racket');
    for (const name of ['racket/base', ...RACKET_PARTS]) {
      const lib = this.libraries.get(name);
      if (lib !== undefined) for (const [n, m] of lib.exports) full.exports.set(n, m);
    }
    this.libraries.set('racket', full);
    this.installLegacyAndTypedLanguages(full);
    // racket/contract's parts, which programs require on their own (each is a part of racket/contract's exports in
    // Racket; here each has all of them, which only matters to a program that defines one of the others' names).
    for (const part of ['base', 'combinator', 'region', 'parametric']) {
      this.lazyLibraries.set(`racket/contract/${part}`, () => {
        const lib = new ModuleInfo(`racket/contract/${part}`);
        for (const [n, m] of contract.exports) lib.exports.set(n, m);
        return lib;
      });
    }
    for (const name of [
      'racket/list',
      'racket/string',
      'racket/bool',
      'racket/function',
      'racket/math',
      'racket/udp',
      'racket/port',
      'racket/vector',
    ]) {
      if (!this.libraries.has(name)) this.libraries.set(name, new ModuleInfo(name));
    }
  }

  /**
   * `#lang scheme` and `scheme/base` (racket and racket/base under their old
   * names), and typed/racket by erasure (macros/typed-erasure.ts): racket
   * without racket/contract, with the annotation forms in place of the
   * forms they extend.
   */
  private installLegacyAndTypedLanguages(full: ModuleInfo): void {
    const base = this.libraries.get('racket/base')!;
    const contract = this.libraries.get('racket/contract')!;
    // What the typed languages add beyond their forms (lib/typed.rkt: index?, defined?).
    const typedProcedures = [...(this.libraries.get('typed/racket')?.exports ?? [])];
    this.libraries.delete('typed/racket');
    // Each language is made when a program first names it: most programs use none of them.
    const language = (name: string, from: ModuleInfo, without: ModuleInfo | null, extra: () => Iterable<[string, Meaning]>) => {
      this.lazyLibraries.set(name, () => {
        const lib = new ModuleInfo(name);
        for (const [n, m] of from.exports) if (without === null || !without.exports.has(n)) lib.exports.set(n, m);
        for (const [n, m] of extra()) lib.exports.set(n, m);
        return lib;
      });
    };
    for (const [name, from, checks] of [
      ['typed/racket/base', base, true],
      ['typed/racket/base/no-check', base, false],
      ['typed/racket/base/optional', base, false],
      ['typed/racket/base/shallow', base, true],
      ['typed/racket/base/deep', base, true],
      ['typed/racket/no-check', full, false],
      ['typed/racket/optional', full, false],
      ['typed/racket/shallow', full, true],
      ['typed/racket/deep', full, true],
      ['typed/racket', full, true],
    ] as const) {
      language(name, from, from === full ? contract : null, () => [...typedProcedures, ...typedForms(checks)]);
    }
    // scheme's pretty-print is racket/pretty's pretty-write under the old name (scheme/pretty).
    language('scheme', full, null, () => [...legacyForms(), ['pretty-print', full.exports.get('pretty-write')!]]);
    language('scheme/base', base, null, () => []);
    const mzschemeProcedures = [...(this.libraries.get('mzscheme')?.exports ?? [])];
    this.libraries.delete('mzscheme');
    language('mzscheme', base, null, () => {
      const renamed = Object.entries(MZSCHEME_OLD_NAMES).map(([old, now]): [string, Meaning] => [old, base.exports.get(now)!]);
      // mzscheme also had the networking and promise procedures that racket/base moved out.
      const moved = ['racket/tcp', 'racket/udp', 'racket/promise'].flatMap((lib) =>
        [...(this.libraries.get(lib)?.exports ?? [])].filter(([n]) => !n.startsWith('delay/') && !n.startsWith('lazy')),
      );
      return [...moved, ...mzschemeProcedures, ...renamed, ...mzschemeForms()];
    });
  }

  /** Libraries made when first named (the typed and legacy languages, racket/contract's parts). */
  private readonly lazyLibraries = new Map<string, () => ModuleInfo>();

  /** The names of every library, made or not yet. */
  libraryNames(): string[] {
    return [...this.libraries.keys(), ...this.lazyLibraries.keys()];
  }

  library(name: string): ModuleInfo | null {
    const lib = this.libraries.get(name);
    if (lib !== undefined) return lib;
    const make = this.lazyLibraries.get(name);
    if (make !== undefined) {
      this.lazyLibraries.delete(name);
      const made = make();
      this.libraries.set(name, made);
      return made;
    }
    // typed/racket's typed wrappers of untyped libraries (typed/rackunit, typed/net/url, ...) are
    // the libraries themselves once types are erased.
    return name.startsWith('typed/') ? (this.libraries.get(name.slice('typed/'.length)) ?? null) : null;
  }

  /** Binds the Racket-written part of the libraries (read and compiled on first use). */
  private loadRacketLibraries(base: ModuleInfo): void {
    for (const e of installLibraryFiles(this.ex, LIBRARY_FILES)) {
      const target = this.libraries.get(e.library) ?? this.addLibrary(e.library);
      target.exports.set(e.name, e.meaning);
      if (target === base) this.ex.table.add(e.name, [this.ex.baseScope], e.meaning, ALL_PHASES);
    }
  }

  private addLibrary(name: string): ModuleInfo {
    const lib = new ModuleInfo(name);
    this.libraries.set(name, lib);
    return lib;
  }

  // ---------------------------------------------------------------- modules

  loader(): ModuleLoader {
    return {
      loadFile: (path, from, phase) => this.loadFile(path, from, phase),
      instantiateNow: (info) => {
        if (!info.instantiated) this.compileTime.runNodes(this.instantiationNodes(info));
      },
      library: (name) => this.library(name),
      declared: (name) => this.topModules.get(name) ?? null,
      declaration: (info) => {
        const name = info.name;
        const core: Core = {
          t: 'app',
          f: {
            t: 'quote',
            v: new Primitive('module', 0, 0, () => {
              this.namespaces.declareModule(info, name);
              return VOID;
            }),
          },
          args: [],
          loc: null,
        };
        this.declarations.set(core, info);
        return core;
      },
      resolvePath: (base, rel) => this.host.resolvePath(base, rel),
      instantiation: (modules) => ({ t: 'app', f: { t: 'quote', v: this.instantiator(modules) }, args: [], loc: null }),
    };
  }

  /**
   * Reads and expands a module file for its instance at `phase` (cached by
   * path and phase). Reading a file is the host's file capability: without
   * it only the embedding application itself (`byHost`) may load one, and a
   * program's require is told only that file access is not available,
   * whether the file exists or not.
   */
  loadFile(path: string, from: Syntax | null, phase = 0, byHost = false): ModuleInfo {
    const cached = this.files.get(fileKey(path, phase));
    if (cached) return cached;
    if (this.loading.has(fileKey(path, phase))) {
      throw new RacketThrow(makeExn(exnFailSyntaxT, `module: cycle in loading\n  at path: ${path}`, VOID));
    }
    if (this.host.files === undefined && !byHost) {
      const where = from?.loc ? formatLoc(from.loc, this.ex.cwd) + ': ' : '';
      throw new RacketThrow(makeExn(exnFailFilesystemT, `${where}open-input-file: file access is not available in this runtime`));
    }
    let text: string;
    try {
      text = this.host.readFile(path);
    } catch {
      const where = from?.loc ? formatLoc(from.loc, this.ex.cwd) + ': ' : '';
      throw new RacketThrow(
        makeExn(
          exnFailSyntaxMissingModuleT,
          `${where}open-input-file: cannot open module file\n  module path: ${path}\n  path: ${path}\n  system error: no such file or directory; rkt_err=3`,
          NULL,
          new RPath(path),
        ),
      );
    }
    return this.loadSource(path, text, phase);
  }

  /** Whether a module was loaded from `path` (or as `path`). */
  isLoaded(path: string): boolean {
    return this.files.has(path);
  }

  /** Expands module source `text` as the module at `path` (cached by path). */
  loadSource(path: string, text: string, phase = 0): ModuleInfo {
    const key = fileKey(path, phase);
    const cached = this.files.get(key);
    if (cached) return cached;
    this.loading.add(key);
    try {
      const src = this.read(text, path);
      const info = new ModuleInfo(path, phase);
      const langName = src.lang ?? 'racket/base';
      const lang = this.library(langName);
      if (lang === null || src.lang === null) {
        throw new RacketThrow(
          makeExn(
            exnFailSyntaxT,
            `${path}: ${src.lang === null ? 'missing #lang line (only #lang modules are supported)' : `unknown language ${langName}`}`,
            VOID,
          ),
        );
      }
      const forms = langName.startsWith('typed/') ? src.forms.map(eraseAnnotatedNames) : src.forms;
      expandModule(this.ex, this.loader(), info, lang, this.ex.langScope(langName), forms, path);
      this.files.set(key, info);
      return info;
    } finally {
      this.loading.delete(key);
    }
  }

  private read(text: string, source: string) {
    try {
      const dir = this.ex.cwd.endsWith('/') ? this.ex.cwd : this.ex.cwd + '/';
      const shownSource = source.startsWith(dir) && source.length > dir.length ? source.slice(dir.length) : source;
      return readModuleSource(text, source, { shownSource });
    } catch (e) {
      if (e instanceof ReadError) throw new RacketThrow(makeExn(exnFailReadT, this.relativizeReadError(e), VOID));
      throw e;
    }
  }

  relativizeReadError(e: ReadError): string {
    const prefix = this.ex.cwd.endsWith('/') ? this.ex.cwd : this.ex.cwd + '/';
    return e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
  }

  /** A procedure that instantiates `modules` (a top-level require), when it is called. */
  private instantiator(modules: ModuleInfo[]): MachinePrimitive {
    return new MachinePrimitive('require', 0, 0, (m) => {
      const nodes: Node[] = [];
      for (const info of modules) this.instantiationNodes(info, nodes);
      if (nodes.length === 0) m.returnValue(VOID);
      else m.node = new Seq([...nodes, new Const(VOID)]);
    });
  }

  /** The nodes that instantiate `info` and everything it requires, in order. */
  instantiationNodes(info: ModuleInfo, out: Node[] = []): Node[] {
    if (info.instantiated || info.body === null) return out;
    info.instantiated = true;
    for (const r of info.requires) this.instantiationNodes(r, out);
    const body = moduleBodyInfo(moduleDescription(info.name));
    for (const c of info.body) out.push(new Prompt(compile(c, body), body));
    return out;
  }

  // ---------------------------------------------------------------- running

  /** Runs a module file as `racket FILE` does; resolves to the exit code. */
  runFile(path: string): Promise<number> {
    // As under `racket FILE`: eval in the program sees an empty namespace.
    this.setParamBase(currentNamespace, new Namespace([]));
    return this.runMain(() => {
      const info = this.loadFile(path, null);
      // The legacy languages' runtime configuration prints results as `write` does.
      if (LEGACY_LANGUAGES.has(info.language?.name ?? '')) printResultsAsWritten((p, v) => this.setParamBase(p, v));
      const nodes = this.instantiationNodes(info);
      if (info.mainSubmodule) this.instantiationNodes(info.mainSubmodule, nodes);
      // Then the executable yield handler and the exit handler, as `racket FILE` calls them.
      nodes.push(new ApplyNode(finishMain, []));
      return nodes;
    });
  }

  /**
   * Runs this runtime as a place: instantiates the module in `path` (not its
   * submodules) and calls `start` with the channel to the place's creator:
   * an export of the module, or `#%place-body:KEY`, the body of a `place`
   * form. Resolves to the place's exit code.
   */
  runPlace(path: string, start: string): Promise<number> {
    this.setParamBase(currentNamespace, new Namespace([]));
    // Racket prints a place's errors without their context.
    this.showContext = false;
    const places = this.host.places;
    if (places?.parent === undefined) throw new Error('runPlace: not in a place');
    const channel = parentChannel(places, () => {
      if (this.mainThread !== null) this.sched.breakThread(this.mainThread);
    });
    return this.runMain(() => {
      const info = this.loadFile(path, null);
      const nodes = this.instantiationNodes(info);
      const call = new MachinePrimitive('place-start', 0, 0, (m) => {
        const body = start.startsWith('#%place-body:') ? placeBody(this, start.slice('#%place-body:'.length)) : undefined;
        const exported = info.exports.get(start);
        let proc: Value = body;
        if (proc === undefined && exported?.kind === 'top') {
          exported.v.force();
          proc = exported.v.value;
        }
        if (proc === undefined) {
          throw new RacketThrow(makeExn(exnFailContractT, `dynamic-place: name is not provided\n  name: ${start}\n  module: ${path}`));
        }
        m.applyArray(proc, [channel]);
      });
      nodes.push(new ApplyNode(call, []));
      nodes.push(new ApplyNode(finishMain, []));
      return nodes;
    });
  }

  /**
   * Runs a module file's tests as `raco test FILE` does: its `test`
   * submodule if it has one, otherwise the module itself (not `main`).
   * `announce` is told which one, before it runs (also when loading fails:
   * then raco tries the submodule to show the error). Resolves to the exit code.
   */
  runTestFile(path: string, announce: (submodule: boolean) => void): Promise<number> {
    this.setParamBase(currentNamespace, new Namespace([]));
    this.ex.expandTestSubmodules = true;
    return this.runMain(() => {
      let info: ModuleInfo;
      try {
        info = this.loadFile(path, null);
      } catch (e) {
        announce(true);
        throw e;
      }
      const test = info.submodules.get('test');
      announce(test !== undefined);
      const nodes = this.instantiationNodes(test ?? info);
      nodes.push(new ApplyNode(finishMain, []));
      return nodes;
    });
  }

  /** rackunit/log's counts in this runtime: checks and test cases that failed, and all that ran. */
  testLogCounts(): { failed: number; total: number } {
    const m = this.libraries.get('#%rkt-internal')?.exports.get('test-log-counts');
    if (m === undefined || m.kind !== 'top') return { failed: 0, total: 0 };
    m.v.force();
    const counts = m.v.value;
    if (!(counts instanceof RVector)) return { failed: 0, total: 0 };
    return { failed: Number(counts.items[1]), total: Number(counts.items[0]) };
  }

  /** Evaluates top-level forms from a string, printing results, all read at once (tests and tools; the command line's -e is runStartup's eval step). */
  runTopLevel(text: string, source = 'string'): Promise<number> {
    this.printResultsPretty();
    return this.runMain(() => {
      const forms = (() => {
        try {
          return readAll(text, source);
        } catch (e) {
          if (e instanceof ReadError) throw new RacketThrow(makeExn(exnFailReadT, this.relativizeReadError(e), VOID));
          throw e;
        }
      })();
      return [new TopLevelNode(this, forms)];
    });
  }

  /**
   * Runs a racket command line's start-up (cli/command-line.ts): makes the
   * top-level namespace with `initLib` (none when null), then runs the steps
   * in order. Resolves to the exit code; with `repl`, to null when the steps
   * ended without `exit`, for the REPL to go on in this runtime.
   */
  runStartup(initLib: string | null, steps: StartupStep[], repl: boolean): Promise<number | null> {
    // racket/init is the constructor's namespace (racket and racket/enter), its results printed through pretty-print.
    const init = initLib === 'racket/init';
    const builtIn = initLib !== null && !init && this.library(initLib) !== null;
    const ns = init ? this.topLevel : new Namespace(builtIn ? [initLib] : []);
    this.topLevel = ns;
    this.setParamBase(currentNamespace, ns);
    if (init) this.printResultsPretty();
    this.replFollows = repl;
    const host: StartupHost = {
      ex: this.ex,
      args: this.args,
      expandTopLevelForm: (form, print, where) => this.expandTopLevelForm(form, print, where),
      requireNode: (where, spec) => this.namespaces.requireNode(where, spec),
      moduleOf: (spec) => this.namespaces.moduleOf(spec, `${this.ex.cwd}/top-level`),
      instantiationNodes: (info) => this.instantiationNodes(info),
      baseValue: (name) => {
        const meaning = this.library('racket/base')?.exports.get(name);
        if (meaning?.kind !== 'top') throw new Error(`racket/base has no ${name}`);
        meaning.v.force();
        return meaning.v.value as Value;
      },
      configureRuntime: (info) => {
        if (LEGACY_LANGUAGES.has(info.language?.name ?? '')) printResultsAsWritten((p, v) => this.setParamBase(p, v));
      },
      relativizeReadError: (e) => this.relativizeReadError(e),
    };
    // An init library rkt does not have built in is required as -l would (a file's language, say).
    const all: StartupStep[] = initLib !== null && !init && !builtIn ? [{ kind: 'require-lib', lib: initLib }, ...steps] : steps;
    const nodes: Node[] = [new StartupNode(host, ns, all)];
    // Then the executable yield handler and the exit handler, as racket calls them.
    if (!repl) nodes.push(new ApplyNode(finishMain, []));
    return this.startMainThread(new Seq([...nodes, new Const(VOID)])).then((code) => (code === null && !repl ? 0 : code));
  }

  /**
   * Starts the main thread running the nodes `prepare` makes. Expansion
   * happens inside the main thread so that syntax errors are raised as
   * Racket exceptions there.
   */
  private runMain(prepare: () => Node[]): Promise<number> {
    return this.startMainThread(new PrepareNode(prepare)).then((code) => code ?? 0);
  }

  /**
   * Starts a new main thread running `node`; resolves to the exit code when
   * the run ends, or to null when the thread ends in a REPL's run. Returns
   * the thread it replaced, if any.
   */
  private startMainThread(node: Node, onStart?: (previous: RThread | null) => void): Promise<number | null> {
    return new Promise<number | null>((resolve) => {
      this.finish = resolve;
      this.ended = false;
      this.sched.restart();
      const previous = this.mainThread;
      this.mainThread = this.sched.spawnNode(node, 'main');
      onStart?.(previous);
    });
  }

  /**
   * REPL: evaluates the forms in `input` (a text, or a function giving the
   * forms, run on the thread, so that what it throws is raised there) in a
   * new main thread, leaving other threads running. Resolves to null, or to
   * the exit code if `exit` was called.
   */
  evalInteractive(input: string | (() => Syntax[])): Promise<number | null> {
    if (!this.interactive) this.printResultsPretty();
    this.interactive = true;
    const starter = new PrepareNode(() => {
      try {
        // Each form is evaluated in the namespace current when it starts, as `enter!` changes it.
        const forms = typeof input === 'string' ? readAll(input, 'stdin') : input();
        return [new TopLevelNode(this, forms, 0, true, null)];
      } catch (e) {
        if (e instanceof ReadError) throw new RacketThrow(makeExn(exnFailReadT, this.relativizeReadError(e), VOID));
        throw e;
      }
    });
    return this.startMainThread(starter, (previous) => {
      // The REPL is one thread to the user: parameter values carry over between inputs.
      if (previous !== null && this.mainThread !== null) inheritPreservedCells(this.mainThread, previous);
    });
  }

  /**
   * A break for the main thread, as Ctrl-C (`break`), SIGHUP (`hang-up`) or
   * SIGTERM (`terminate`) gives one in Racket: exn:break is raised where the
   * thread is, once breaks are enabled there. False when no program runs.
   */
  breakMain(kind: BreakKind = 'break'): boolean {
    if (this.mainThread === null || this.mainThread.state === 'done' || this.ended) return false;
    this.sched.breakThread(this.mainThread, kind);
    return true;
  }

  threadFinished(t: RThread): void {
    const task = t.task;
    if (task !== null) {
      this.tasks.delete(task);
      this.flushPorts();
      if (t.failed || t.killed) task.failed(t.failure);
      else task.done(t.m.val);
      return;
    }
    if (t !== this.mainThread) return;
    if (this.interactive || this.replFollows) {
      this.flushPorts();
      const f = this.finish;
      this.finish = null;
      if (f) f(null);
    } else this.end(t.failed ? 1 : 0);
  }

  /** Ends the run: flushes output, stops the scheduler, reports the exit code. */
  end(code: number): void {
    if (this.ended) return;
    this.ended = true;
    this.exitCode = code;
    this.flushPorts();
    this.sched.stop();
    for (const r of this.resources) if (!r.closed) r.close();
    this.resources.clear();
    const f = this.finish;
    this.finish = null;
    if (f) f(code);
    for (const task of this.tasks) task.ended(code);
    this.tasks.clear();
  }

  // ---------------------------------------------------------------- embedding

  /** The custodian of everything that no other custodian manages. */
  readonly rootCustodian = new Custodian(null);

  /** The plumber whose first callback flushes the runtime's output ports; the default exit handler flushes it. */
  readonly originalPlumber = originalPlumber(() => this.flushPorts());

  /** Work started by an embedding application (see src/embed), each on its own thread. */
  private readonly tasks = new Set<Task>();

  /**
   * Runs `prepare`'s nodes on a new thread under `custodian` and reports
   * how it ends. Unlike a main thread, the runtime keeps running afterwards,
   * and an uncaught exception goes to the task instead of stderr.
   */
  startTask(name: string, custodian: Custodian, prepare: () => Node[], task: Task): RThread | null {
    if (this.ended) {
      task.ended(this.exitCode ?? 0);
      return null;
    }
    this.sched.restart();
    const t = this.sched.spawnNode(new PrepareNode(prepare), name);
    this.paramBaseCell(currentCustodian).set(t, custodian);
    manageThread(custodian, t);
    t.task = task;
    this.tasks.add(task);
    return t;
  }

  /** True once `end` ran (exit was called, or the embedder closed the runtime). */
  get isEnded(): boolean {
    return this.ended;
  }

  /** Expands one top-level form in the top-level namespace (`-e`, the REPL; embedding's eval, unprinted). */
  expandTopLevelForm(form: Syntax, print = true, ns = this.topLevel): Core {
    return expandTopLevel(this.ex, this.loader(), ns, form, print);
  }

  /** The node that runs top-level forms in `ns` (eval), the last one's values being the result. */
  topLevelNode(ns: Namespace, forms: Syntax[]): Node {
    return new TopLevelNode(this, forms, 0, false, ns);
  }

  /** Top-level forms from `text` as nodes that return the last form's values instead of printing (embedding's eval). */
  topLevelNodes(text: string, source: string): Node[] {
    let forms: Syntax[];
    try {
      forms = readAll(text, source);
    } catch (e) {
      if (e instanceof ReadError) throw new RacketThrow(makeExn(exnFailReadT, this.relativizeReadError(e), VOID));
      throw e;
    }
    return [new TopLevelNode(this, forms, 0, false)];
  }

  /** Binds `name` to `value` in the `host` library and in the top-level namespace (embedding's host procedures). */
  defineHostValue(name: string, value: Value): void {
    const lib = this.libraries.get('host') ?? this.addLibrary('host');
    const v = new TopVar(name, 'host');
    v.value = value;
    v.constant = true;
    const meaning: Meaning = { kind: 'top', v, imported: true };
    lib.exports.set(name, meaning);
    // Bound where top-level forms' identifiers are (the racket language scope plus the top-level scope).
    this.ex.table.add(name, scopeSetAdd([this.ex.langScope('racket')], this.topLevel.scope), meaning, 0);
  }

  flushPorts(): void {
    this.stdout.flush();
    this.stderr.flush();
  }

  private gensyms = 0;
  /** The number for the next `gensym` of this runtime. */
  nextGensym(): number {
    return ++this.gensyms;
  }

  epochMs(): number {
    return this.startEpoch + (this.host.now() - this.startClock);
  }

  // ---------------------------------------------------------------- parameters

  /** As racket/init does for `racket -e` and the REPL: results print through pretty-print. */
  private printResultsPretty(): void {
    this.setParamBase(currentPrint, prettyPrinter);
  }

  /** The runtime's value of `p` for every thread that has not set it. */
  private setParamBase(p: Parameter, v: Value): void {
    this.paramBases.set(p, new ThreadCell(v, true));
  }

  /** The preserved thread cell that holds `p`'s value outside any parameterize. */
  paramBaseCell(p: Parameter): ThreadCell {
    let cell = this.paramBases.get(p);
    if (cell === undefined) {
      cell = new ThreadCell(p.value, true);
      this.paramBases.set(p, cell);
    }
    return cell;
  }

  /** A parameter's value outside any parameterize, in `m`'s thread. */
  paramBaseValue(m: Machine, p: Parameter): Value {
    return this.paramBaseCell(p).get(m.thread);
  }

  /** `(p v)`: sets the innermost parameterization's cell for `p`, or else its base cell, in this thread. */
  setParam(m: Machine, p: Parameter, value: Value): void {
    withGuardedValue(m, p, value, (m2, root, v) => {
      const pz = m2.firstMark(PARAMZ_KEY) as Paramz | null | undefined;
      const cell = pz?.lookup(root) ?? this.paramBaseCell(root);
      cell.set(m2.thread, v);
      m2.returnValue(VOID);
    });
  }

  applyDerivedParam(m: Machine, p: Parameter, vals: Value[]): void {
    if (vals.length === 2) this.setParam(m, p, vals[1]);
    else derivedParamValue(m, p);
  }

  // ---------------------------------------------------------------- application hooks

  /** Applies values that are procedures by other means (keyword procedures). */
  applyHook(m: Machine, f: Value, vals: Value[]): boolean {
    for (const h of this.applyHooks) if (h(m, f, vals)) return true;
    return false;
  }
  readonly applyHooks: ((m: Machine, f: Value, vals: Value[]) => boolean)[] = [];

  // ---------------------------------------------------------------- exceptions

  callHandler(m: Machine, h: Value, v: Value, nonContinuable: boolean): void {
    if (h === NO_HANDLER) this.uncaught(m, v);
    else callHandler(m, h, v, nonContinuable);
  }

  /** No handler left: print the error and abort the thread (ending the run if it is the main thread). */
  uncaught(m: Machine, v: Value): void {
    if (m.nested !== null) {
      // Compile-time code: the expander raises it again where it was called.
      m.nested.failed = true;
      m.nested.failure = v;
      m.stack = [];
      m.rest = null;
      m.node = null;
      m.budget = 0;
      return;
    }
    if (m.thread.task !== null) {
      // An embedding task: the application gets the exception.
      m.thread.failed = true;
      m.thread.failure = v;
      m.escapeTo(m.thread.abortTag, (m2) => {
        m2.val = VOID;
      });
      return;
    }
    handleUncaught(m, v);
  }

  /** The default error display handler: `msg`, and where a syntax error is, on the current error port. */
  displayError(m: Machine, msg: Value, v: Value): void {
    this.stdout.flush();
    const err = m.paramValue(currentErrorPort) as OutputPort;
    const message = msg instanceof RString ? msg.s : displayString(msg);
    const interactive = this.interactive && m.thread === this.mainThread;
    const context = this.showContext ? this.contextText(v, m.paramValue(errorPrintContextLength) as number) : '';
    const text = message + this.errorLocation(v) + (context === '' ? '' : `\n${context}`);
    if (interactive) {
      // The REPL keeps the whole text for ,bt and shows it without its `...:` blocks, as Racket's does.
      this.lastReplError = { full: text, message, value: v };
      err.write(replErrorDisplay(text));
    } else err.write(text + '\n');
    err.flush();
  }

  /** The last error the REPL showed (its main thread's), for `,bt` and `,exn`. */
  lastReplError: ReplError | null = null;

  /** What the REPL's `,bt` prints: the last error's message with its context. */
  replBacktrace(): string {
    return replBacktrace(this.lastReplError);
  }

  /** The namespace the REPL evaluates in: its main thread's current-namespace (`enter!` changes it). */
  replNamespace(): Namespace {
    const cell = this.paramBaseCell(currentNamespace);
    return (this.mainThread !== null ? cell.get(this.mainThread) : cell.value) as Namespace;
  }

  /** The value of the last error the REPL displayed (main thread, interactive), for `,bt`: `contextText(rt.lastError)`. */
  get lastError(): Value {
    return this.lastReplError?.value as Value;
  }

  /** Whether the default error display handler prints `context...:` blocks (not in a place, as in Racket). */
  private showContext = true;

  /**
   * The procedures on the continuation where exception `v` was raised
   * (where its continuation marks were taken), innermost first, as
   * continuation-mark-set->context gives them; empty for a value that is
   * not an exception.
   */
  errorContext(v: Value): readonly ContextEntry[] {
    const marks = isExn(v) ? (v as StructInstance).fields[1] : undefined;
    return marks instanceof ContinuationMarkSet ? (marks.context?.get() ?? []) : [];
  }

  /**
   * Where exception `v` is, when that can be told: the first location of an
   * exn:fail:read's srclocs or of an exn:fail:syntax's expressions, or else
   * the innermost procedure of its context that has a location.
   */
  errorSrcloc(v: Value): SrcLoc | null {
    if (!(v instanceof StructInstance) || !isExn(v)) return null;
    if (v.type.isSubtypeOf(exnFailReadT) || v.type.isSubtypeOf(exnFailSyntaxT)) {
      const first = v.fields[2] instanceof Pair ? v.fields[2].car : null;
      if (first instanceof Syntax && first.loc !== null && !isLocationless(first.loc)) return first.loc;
      if (first instanceof StructInstance && first.type === srclocT) {
        const [source, line, column, position, span] = first.fields;
        const num = (x: Value) => (typeof x === 'number' ? x : null);
        if (source !== false)
          return {
            source: displayString(source),
            line: num(line),
            column: num(column),
            position: num(position) ?? 0,
            span: num(span) ?? 0,
          };
      }
    }
    for (const e of this.errorContext(v)) if (e.loc !== null) return e.loc;
    return null;
  }

  /**
   * The `context...:` block the default error display handler prints under
   * an error's message (no trailing newline), showing at most `max` lines
   * (error-print-context-length); '' when there is nothing to show. The
   * REPL's `,bt` prints it for the last error.
   */
  contextText(v: Value, max = 16): string {
    // Racket shows no context for exn:fail:user (raise-user-error, command-line's errors).
    if (max <= 0 || (v instanceof StructInstance && v.type.isSubtypeOf(exnFailUserT))) return '';
    const lines = contextLines(this.errorContext(v), max);
    return lines.length === 0 ? '' : `  context...:\n${lines.join('\n')}`;
  }

  /** What Racket's default error display handler prints for a raised value. */
  errorText(v: Value): string {
    return (isExn(v) ? exnMessage(v) : `uncaught exception: ${printString(v)}`) + this.errorLocation(v);
  }

  /** The `location...:` lines the default error display handler adds for syntax and match errors. */
  private errorLocation(v: Value): string {
    if (!(v instanceof StructInstance)) return '';
    if (v.type.isSubtypeOf(exnFailSyntaxT)) {
      const exprs = v.fields[2];
      const first = exprs && typeof exprs === 'object' && 'car' in (exprs as object) ? (exprs as { car: Value }).car : null;
      if (first instanceof Syntax && first.loc && !isLocationless(first.loc))
        return `\n  location...:\n   ${formatLoc(first.loc, this.ex.cwd)}`;
    }
    if (v.type === exnMiscMatchT) {
      const where = v.fields[3];
      if (where instanceof MatchLocation && where.loc && !isLocationless(where.loc))
        return `\n  location...:\n   ${formatLoc(where.loc, this.ex.cwd)}`;
    }
    return '';
  }
}

/** How a context names a module (after `body of`): `"/path"`, `(submod "/path" main)`, `'name`. */
function moduleDescription(name: string): string {
  const [base, ...subs] = name.split(' ');
  const file = base.startsWith('/') ? JSON.stringify(base) : `'${base}`;
  return subs.length === 0 ? file : `(submod ${file} ${subs.join(' ')})`;
}

/** The key of a module file's instance at `phase` in the module cache. */
function fileKey(path: string, phase: number): string {
  return phase === 0 ? path : `${phase}:${path}`;
}

/** Prepares (expands) work inside the main thread, then runs it. */
class PrepareNode extends BaseNode {
  readonly simple = false;
  constructor(private readonly prepare: () => Node[]) {
    super();
  }
  exec(m: Machine): void {
    const nodes = this.prepare();
    if (nodes.length === 0) {
      m.returnValue(VOID);
      return;
    }
    m.node = nodes.length === 1 ? nodes[0] : new Seq([...nodes, new Const(VOID)]);
  }
}

/**
 * Top-level forms (the `-e` expressions, the REPL): each is expanded only
 * after the previous one has run, so definitions and macros take effect in
 * order, and each result is printed.
 */
export class TopLevelNode extends BaseNode {
  readonly simple = false;
  constructor(
    private readonly rt: Runtime,
    private readonly forms: Syntax[],
    private readonly index = 0,
    /** Print each result (rkt -e, the REPL); otherwise the last form's values are the result. */
    private readonly print = true,
    /** null: the current namespace (the REPL). */
    private readonly ns: Namespace | null = rt.topLevel,
  ) {
    super();
  }
  exec(m: Machine): void {
    if (this.index >= this.forms.length) {
      // m.val still holds the previous form's values.
      m.returnValue(this.print || this.index === 0 ? VOID : m.val);
      return;
    }
    const ns = this.ns ?? (m.paramValue(currentNamespace) as Namespace);
    const core = this.rt.expandTopLevelForm(this.forms[this.index], this.print, ns);
    m.stack.push(new NextNodeFrame(new TopLevelNode(this.rt, this.forms, this.index + 1, this.print, this.ns), TOP_LEVEL_BODY));
    m.node = compile(core, TOP_LEVEL_BODY);
  }
}
