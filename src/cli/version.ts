// rkt's own version (package.json's, put in by the build) and the banner
// `rkt -v` and the REPL print. `(version)` stays Racket's, for programs
// that test it.

declare const RKT_VERSION: string | undefined;

/** rkt's version; "dev" when run from source without the build. */
export const rktVersion: string = typeof RKT_VERSION === 'string' ? RKT_VERSION : 'dev';

/** The Racket version whose behaviour rkt follows. */
export const racketVersion = '8.7';

/** As racket's `Welcome to Racket v8.7 [cs].`, naming rkt first. */
export function banner(): string {
  return `Welcome to rkt ${rktVersion} (Racket v${racketVersion} [cs]).\n`;
}
