// The libraries written in Racket: the procedures of racket/base, racket/list,
// racket/file, ... that call procedures or take keywords (the hot list
// traversals are machine primitives instead, in prims/list-iteration.ts).
// Running on the machine, they can block, escape, capture continuations and
// be preempted like any Racket code.
//
// Each file is `#lang racket/base`, sees the runtime's internal primitives as
// `%name`, and starts with the provide form that says what it adds: a plain
// name extends racket/base; `(rename-out [local lib:name])` sends `local` to
// library `lib` as `name`. runtime/library-loader.ts binds them, each
// definition read and compiled on first use.
//
// A .rkt file imports as its text, with its path and its index (rkt.d.ts):
// the bundlers' .rkt loaders (scripts/build.mjs, vitest.config.ts) read it
// with the project's reader (runtime/library-index.ts) when they bundle it.
// The reference makes rkt.d.ts part of any program that compiles this file
// (the declaration bundler's starts from src/embed/index.ts alone).

/// <reference path="./rkt.d.ts" />

import * as base64 from './base64.rkt';
import * as dates from './dates.rkt';
import * as dicts from './dicts.rkt';
import * as digests from './digests.rkt';
import * as enter from './enter.rkt';
import * as evaluation from './eval.rkt';
import * as files from './files.rkt';
import * as filesystem from './filesystem.rkt';
import * as generators from './generators.rkt';
import * as generics from './generics.rkt';
import * as hashes from './hashes.rkt';
import * as hashLib from './hash-lib.rkt';
import * as listLib from './list-lib.rkt';
import * as lists from './lists.rkt';
import * as numbers from './numbers.rkt';
import * as paths from './paths.rkt';
import * as portEvents from './port-events.rkt';
import * as portLib from './port-lib.rkt';
import * as portMakers from './port-makers.rkt';
import * as ports from './ports.rkt';
import * as procedures from './procedures.rkt';
import * as reading from './reading.rkt';
import * as repl from './repl.rkt';
import * as semaphores from './semaphores.rkt';
import * as collections from './collections.rkt';
import * as sequences from './sequences.rkt';
import * as sets from './sets.rkt';
import * as strings from './strings.rkt';
import * as streams from './streams.rkt';
import * as cmdline from './cmdline.rkt';
import * as json from './json.rkt';
import * as promises from './promises.rkt';
import * as futures from './futures.rkt';
import * as places from './places.rkt';
import * as queues from './queues.rkt';
import * as gvector from './gvector.rkt';
import * as asyncChannel from './async-channel.rkt';
import * as classes from './class.rkt';
import * as pretty from './pretty.rkt';
import * as format from './format.rkt';
import * as rackunit from './rackunit.rkt';
import * as contracts from './contracts.rkt';
import * as dependentContracts from './dependent-contracts.rkt';
import * as parametricContracts from './parametric-contracts.rkt';
import * as controlContracts from './control-contracts.rkt';
import * as contractGenerate from './contract-generate.rkt';
import * as typed from './typed.rkt';
import * as mzscheme from './mzscheme.rkt';
import * as units from './units.rkt';
import * as bytesLib from './bytes-lib.rkt';
import * as syntax from './syntax.rkt';
import * as system from './system.rkt';
import * as syntaxObjects from './syntax-objects.rkt';
import * as threads from './threads.rkt';
import * as trace from './trace.rkt';
import * as vectors from './vectors.rkt';
import * as urlStructs from './url-structs.rkt';
import * as uriCodec from './uri-codec.rkt';
import * as url from './url.rkt';
import * as urlFetch from './url-fetch.rkt';

/** What a library file provides and where its definitions are, as the reader found them. */
export interface LibraryIndex {
  /** The provide form's names: the defined name, the name it is exported as, and the library it goes to. */
  readonly provides: readonly { readonly local: string; readonly name: string; readonly library: string }[];
  /** Each definition's name and its text's start and end (string offsets). */
  readonly definitions: readonly { readonly name: string; readonly start: number; readonly end: number }[];
}

export interface LibraryFile {
  /** The file's path in the repository, as locations and error messages name it. */
  readonly source: string;
  readonly text: string;
  /** Made from the text when absent (the bundlers make it when they bundle the file). */
  readonly index?: LibraryIndex;
}

const file = (m: { default: string; source: string; index: LibraryIndex }): LibraryFile => ({
  source: m.source,
  text: m.default,
  index: m.index,
});

export const LIBRARY_FILES: readonly LibraryFile[] = [
  file(ports),
  file(portLib),
  file(portEvents),
  file(portMakers),
  file(evaluation),
  file(repl),
  file(enter),
  file(files),
  file(filesystem),
  file(semaphores),
  file(collections),
  file(lists),
  file(hashes),
  file(hashLib),
  file(numbers),
  file(reading),
  file(paths),
  file(procedures),
  file(sequences),
  file(streams),
  file(dicts),
  file(generators),
  file(generics),
  file(digests),
  file(dates),
  file(base64),
  file(vectors),
  file(listLib),
  file(strings),
  file(cmdline),
  file(json),
  file(promises),
  file(futures),
  file(places),
  file(queues),
  file(gvector),
  file(asyncChannel),
  file(classes),
  file(pretty),
  file(format),
  file(rackunit),
  file(contracts),
  file(dependentContracts),
  file(parametricContracts),
  file(controlContracts),
  file(contractGenerate),
  file(typed),
  file(mzscheme),
  file(units),
  file(bytesLib),
  file(syntax),
  file(system),
  file(syntaxObjects),
  file(sets),
  file(threads),
  file(urlStructs),
  file(uriCodec),
  file(url),
  file(urlFetch),
  file(trace),
];
