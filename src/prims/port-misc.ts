// Port properties: terminal-port?, file-stream-port?,
// file-stream-buffer-mode, and special comments.

import type { Machine } from '../eval/machine.js';
import { argError, argumentsError } from '../errors/messages.js';
import { InputPort } from '../io/input-port.js';
import { customPrint } from '../values/printable.js';
import { Sym, VOID, sym, type Value } from '../values/types.js';
import { CustomInputPort, CustomOutputPort } from './custom-ports.js';
import { anyPort } from './ports.js';
import { isTcpPort } from './tcp/connection.js';
import type { PrimTable } from './table.js';

/** make-special-comment's value: what a reader special that stands for a comment carries. */
export class SpecialComment {
  constructor(readonly value: Value) {}
  [customPrint](): string {
    return '#<special-comment>';
  }
}

const BUFFER_MODES = ['none', 'line', 'block'];

export function installPortMisc(t: PrimTable): void {
  const portOf = (who: string, v: Value) => anyPort(v) ?? argError(who, 'port?', v);
  t.fn('terminal-port?', 1, 1, (p: Value) => portOf('terminal-port?', p).terminal);
  t.fn('file-stream-port?', 1, 1, (p: Value) => portOf('file-stream-port?', p).fileStream);
  t.fn('file-stream-buffer-mode', 1, 2, function (this: Machine, p: Value, mode?: Value) {
    const who = 'file-stream-buffer-mode';
    const port = portOf(who, p);
    const custom = port instanceof CustomInputPort || port instanceof CustomOutputPort ? port.bufferModeProc : false;
    if (mode === undefined) {
      if (custom !== false)
        return port instanceof CustomInputPort ? port.callProc(custom, []) : (port as CustomOutputPort).callProc(custom, []);
      if (!port.fileStream && !isTcpPort(port)) return false;
      return sym(port.bufferMode ?? (port.terminal && !(port instanceof InputPort) ? 'line' : 'block'));
    }
    if (!(mode instanceof Sym && BUFFER_MODES.includes(mode.name))) return argError(who, "(or/c 'none 'line 'block)", mode);
    const input = port instanceof InputPort;
    if (custom !== false) {
      if (port instanceof CustomInputPort) port.callProc(custom, [mode]);
      else (port as CustomOutputPort).callProc(custom, [mode]);
      return VOID;
    }
    if (input && mode.name === 'line') return argumentsError(who, "'line buffering not supported for an input port", ['port', port]);
    if (!port.fileStream && !isTcpPort(port))
      return argumentsError(
        who,
        `buffering not supported for ${input ? 'input' : 'output'} port`,
        ['mode', mode],
        [input ? 'input port' : 'output port', port],
      );
    port.bufferMode = mode.name;
    return VOID;
  });
  t.fn('make-special-comment', 1, 1, (v: Value) => new SpecialComment(v));
  t.fn('special-comment?', 1, 1, (v: Value) => v instanceof SpecialComment);
  t.fn('special-comment-value', 1, 1, (v: Value) =>
    v instanceof SpecialComment ? v.value : argError('special-comment-value', 'special-comment?', v),
  );
}
