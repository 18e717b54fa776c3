// The host: the only code that touches Node. An embedder may replace any part.

/** A system error from the host, as the OS reported it. */
export interface HostError {
  /** Symbolic code, e.g. EADDRINUSE. */
  code: string;
  /** Positive errno, e.g. 98. */
  errno: number;
  /** The OS's text, e.g. "Address already in use". */
  text: string;
  /** Set when a host name could not be resolved: `errno` is then getaddrinfo's (negative) code. */
  resolving?: boolean;
}

/** A UDP socket as the host provides it. All operations complete through callbacks. */
export interface HostUdpSocket {
  bind(address: string | undefined, port: number, done: (err: HostError | null) => void): void;
  /** Host names are resolved first; an IPv6 socket reaches IPv4 addresses as IPv4-mapped IPv6 ones. */
  send(data: Uint8Array, address: string | undefined, port: number | undefined, done: (err: HostError | null) => void): void;
  /** `resolved`, when given, is the address the name resolved to (as datagrams from the peer will show it). */
  connect(address: string, port: number, done: (err: HostError | null, resolved?: string) => void): void;
  disconnect(): void;
  /** Local address and port once bound, else null. */
  local(): { address: string; port: number } | null;
  close(): void;
  /** Socket options; they need a bound socket. Each throws a HostError on failure. */
  setTTL(ttl: number): void;
  setMulticastTTL(ttl: number): void;
  setMulticastLoopback(on: boolean): void;
  setMulticastInterface(address: string): void;
  addMembership(group: string, iface: string | undefined): void;
  dropMembership(group: string, iface: string | undefined): void;
  setRecvBufferSize(size: number): void;
}

export interface HostUdp {
  create(
    family: 4 | 6,
    reuse: boolean,
    onMessage: (data: Uint8Array, address: string, port: number) => void,
    /** Called once the socket is bound (explicitly, or by a first send). */
    onBound: () => void,
  ): HostUdpSocket;
  /** Resolves a host name to its first address, as getaddrinfo orders them (optional: without it only literal addresses have a known family). */
  lookup?(name: string, done: (err: HostError | null, address: string, family: 4 | 6) => void): void;
}

/** An address and port, as the host reports a socket's end. */
export interface HostEndpoint {
  address: string;
  port: number;
}

/** A TCP connection as the host provides it. Writes are queued; nothing here waits. */
export interface HostTcpConnection {
  /** Starts delivering what arrives (once): chunks, then `onEnd` when the peer has closed its side or the connection failed. */
  read(onData: (chunk: Uint8Array) => void, onEnd: () => void): void;
  /** Queues bytes to send; throws a HostError (EPIPE) once the connection has failed or its sending side is shut. */
  write(data: Uint8Array): void;
  /** Shuts down the sending side after what is queued (the peer reads an end-of-file). */
  end(): void;
  /** Closes the connection after what is queued is sent. */
  close(): void;
  /** Closes the connection at once, discarding what is queued. */
  destroy(): void;
  local(): HostEndpoint;
  remote(): HostEndpoint;
}

/** A listening TCP socket; connections it accepts go to the `onConnection` given to `listen`. */
export interface HostTcpListener {
  local(): HostEndpoint;
  /** Stops listening (accepted connections stay open). */
  close(): void;
}

/** Where tcp-connect binds its end: a local address and port, when given. */
export interface HostTcpLocal {
  address?: string;
  port?: number;
}

export interface HostTcp {
  /** Listens on `address` (undefined: every address) and `port` (0: a free one); a name that does not resolve fails with `resolving` set. */
  listen(
    address: string | undefined,
    port: number,
    backlog: number,
    onConnection: (c: HostTcpConnection) => void,
    done: (err: HostError | null, listener?: HostTcpListener) => void,
  ): void;
  /**
   * Connects to `address`:`port`, trying each address the name resolves to
   * in turn, from the local address and port when given (a literal address).
   * A name that does not resolve fails with `resolving` set.
   */
  connect(address: string, port: number, local: HostTcpLocal, done: (err: HostError | null, c?: HostTcpConnection) => void): void;
  /** Resolves a host name to its first address (the local address of a connection). */
  lookup(name: string, done: (err: HostError | null, address: string, family: 4 | 6) => void): void;
}

/** Files; each operation throws a HostError on failure. */
export interface HostFiles {
  readBytes(path: string): Uint8Array;
  /** Writes `text` (a string as UTF-8) to the file, creating it; `append` keeps what is there. */
  write(path: string, text: string | Uint8Array, append: boolean): void;
  /** A file (not a directory) exists at `path`. */
  exists(path: string): boolean;
  directoryExists(path: string): boolean;
  delete(path: string): void;
  /** The names in a directory (no `.` or `..`), in the order the OS gives them. */
  list(path: string): string[];
  makeDirectory(path: string, mode: number): void;
  deleteDirectory(path: string): void;
  /** The file's status; `follow` false describes a link itself. */
  stat(path: string, follow: boolean): HostStat;
  /** Sets the access and modification times, in seconds. */
  setTimes(path: string, accessSeconds: number, modifySeconds: number): void;
  chmod(path: string, mode: number): void;
  /** Copies a file's content and permissions; `exclusive` fails when `to` exists. */
  copy(from: string, to: string, exclusive: boolean): void;
  rename(from: string, to: string): void;
  /** Makes `path` a symbolic link to `target`. */
  symlink(target: string, path: string): void;
  /** The target of a symbolic link. */
  readLink(path: string): string;
  /** Whether the running process may read, write and execute the file (access(2)). */
  access(path: string): { read: boolean; write: boolean; execute: boolean };
  /** Calls `onChange` (at most once) when the file or directory changes; returns a canceller. */
  watch(path: string, onChange: () => void): () => void;
  /** Opens a file as open(2) does and returns its descriptor; `permissions` are those of a file it creates. */
  openDescriptor(path: string, how: HostOpenMode, permissions: number): number;
  /** Reads up to `length` bytes at file offset `position` (null: where the descriptor is, for a device or pipe) into `into` from `start`; returns how many (0 at the end). */
  readDescriptor(fd: number, into: Uint8Array, start: number, length: number, position: number | null): number;
  /** Writes all of `data` at file offset `position`, or at the end when null (a descriptor opened to append). */
  writeDescriptor(fd: number, data: Uint8Array, position: number | null): void;
  /** Sets the size of the open file (ftruncate(2)). */
  truncateDescriptor(fd: number, size: number): void;
  /** fstat(2) of the open file. */
  statDescriptor(fd: number): HostStat;
  closeDescriptor(fd: number): void;
}

/** How openDescriptor opens a file: its access, and what it does when the file is there or not. */
export interface HostOpenMode {
  read: boolean;
  write: boolean;
  /** O_CREAT: a missing file is made. */
  create: boolean;
  /** O_EXCL: an existing file is an error (EEXIST). */
  exclusive: boolean;
  /** O_TRUNC: an existing file is emptied. */
  truncate: boolean;
  /** O_APPEND: every write goes to the end. */
  append: boolean;
}

/** What stat(2) reports; times in nanoseconds since the epoch. */
export interface HostStat {
  kind: 'file' | 'directory' | 'link' | 'other';
  dev: bigint;
  ino: bigint;
  mode: number;
  nlink: number;
  uid: number;
  gid: number;
  rdev: bigint;
  size: bigint;
  blksize: number;
  blocks: bigint;
  atimeNs: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

/** How a child process's standard streams are connected: every stream is a pipe to the runtime. */
export interface HostSpawnOptions {
  /** The program's path (absolute, or relative to `cwd`), run without searching PATH. */
  command: string;
  args: string[];
  cwd: string;
  /** The whole environment of the child. */
  env: Record<string, string>;
  /** The child's standard error goes down its standard output's pipe (Racket's 'stdout). */
  stderrToStdout: boolean;
  /** The child leads a new process group. */
  newGroup: boolean;
  onStdout(chunk: Uint8Array): void;
  onStdoutEnd(): void;
  onStderr(chunk: Uint8Array): void;
  onStderrEnd(): void;
  /** The exit status: the code, or 128 plus the signal's number when a signal ended it. */
  onExit(status: number): void;
}

/** A running child process. When the program cannot be executed, the child is one that reports it as Racket's does (`exec failed (...)` on standard error, status 1). */
export interface HostChildProcess {
  readonly pid: number;
  writeStdin(data: Uint8Array): void;
  endStdin(): void;
  /** SIGKILL when `force`, else SIGINT; to the whole group when `group`. */
  kill(force: boolean, group: boolean): void;
  /** Stops waiting for the child's pipes and exit, so they do not keep the host running. */
  detach(): void;
}

/** Child processes (subprocess); spawning throws a HostError when no process can be made. */
export interface HostProcesses {
  spawn(options: HostSpawnOptions): HostChildProcess;
}

/** A running place (a worker thread with a runtime of its own). */
export interface HostPlace {
  /** Sends a message (a structured-clone tree) to the place, moving the links of `transfer` with it. */
  post(message: unknown, transfer?: unknown[]): void;
  /** Ends the place at once; onExit follows. */
  kill(): void;
  /** Bytes for the place's standard input, and its end. */
  writeStdin(data: Uint8Array): void;
  endStdin(): void;
}

/** Places: Racket runtimes on worker threads of this process. */
export interface HostPlaces {
  /** Starts a place that runs `start` of the module in the file `module`. */
  start(options: {
    module: string;
    start: string;
    onMessage(message: unknown): void;
    /** What the place writes to its standard output and error. */
    onStdout(chunk: Uint8Array): void;
    onStderr(chunk: Uint8Array): void;
    /** The place's exit code, once it has ended and its output has been given. */
    onExit(code: number): void;
  }): HostPlace;
  /** In a place: its link to the place that started it. */
  readonly parent?: { post(message: unknown, transfer?: unknown[]): void; onMessage(f: (message: unknown) => void): void };
  /** Two connected links (message ports) that messages can move to other places. */
  link(): [unknown, unknown];
  /** Calls `f` with each message that arrives at `link`. */
  listen(link: unknown, f: (message: unknown) => void): void;
  /** Sends a message through `link`, moving the links of `transfer` with it. */
  postLink(link: unknown, message: unknown, transfer: unknown[]): void;
  /** In a place: its standard input, as its creator writes it (a Host's readStdin). */
  readonly readStdin?: (onData: (chunk: Uint8Array) => void, onEnd: () => void) => void;
}

export interface Host {
  /** Files; absent when the embedder withholds the filesystem. */
  files?: HostFiles;
  /** UDP sockets; absent when the embedder withholds the network. */
  udp?: HostUdp;
  /** TCP listeners and connections; absent when the embedder withholds the network. */
  tcp?: HostTcp;
  /** Places; absent where they cannot be made (the embedding API). */
  places?: HostPlaces;
  /** Child processes; absent when the embedder withholds them. */
  processes?: HostProcesses;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Calls `f` after `ms` milliseconds; returns a canceller. */
  setTimer(ms: number, f: () => void): () => void;
  /** Calls `f` soon, after pending I/O callbacks. */
  later(f: () => void): void;
  /**
   * Standard input: calls `onData` with each chunk as it arrives, then
   * `onEnd`. Called at most once, when a program first reads it. Absent:
   * standard input is empty.
   */
  readStdin?(onData: (chunk: Uint8Array) => void, onEnd: () => void): void;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
  /** Raw bytes to standard output; false (or absent) when the host takes text only: the bytes are then decoded (U+FFFD for bad ones) and given to writeStdout. */
  writeStdoutBytes?(data: Uint8Array): boolean;
  writeStderrBytes?(data: Uint8Array): boolean;
  /** The status of standard input (0), output (1) or error (2), as fstat(2) reports it (optional); throws a HostError on failure. */
  statStdio?(fd: 0 | 1 | 2): HostStat;
  /** Whether standard input (0), output (1) or error (2) is a terminal (optional: not one without it). */
  isTerminal?(fd: 0 | 1 | 2): boolean;
  readFile(path: string): string;
  resolvePath(base: string, rel: string): string;
  cwd(): string;
  /** CPU time used by the process, in milliseconds. */
  cpuMs(): number;
  /** The process's environment variables (optional: without them, none are set). */
  getenv?(name: string): string | undefined;
  /** Sets an environment variable; false when the host refuses. */
  putenv?(name: string, value: string): boolean;
  /** Removes an environment variable; false when the host refuses. */
  unsetenv?(name: string): boolean;
  /** The names of the environment variables that are set. */
  envNames?(): string[];
  /** Bytes of memory in use (optional: 0 without it). */
  memoryUse?(): number;
  /** How many processors the program may use in parallel (optional: 1 without it). */
  processorCount?(): number;
  /** A message digest: sha1, sha224, sha256 or md5 (optional: the sha*-bytes functions and file/md5 fail without it). */
  digest?(algorithm: 'sha1' | 'sha224' | 'sha256' | 'md5', data: Uint8Array): Uint8Array;
}
