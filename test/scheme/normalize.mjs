// Shared by the golden generator and the test runner: makes outputs
// comparable across machines and between Racket and this runtime.

/** Drops Racket's "context...:" backtrace blocks from stderr. */
export function normalizeStderr(text) {
  const out = [];
  let skipping = false;
  for (const line of text.split('\n')) {
    if (/^\s*context\.\.\.:\s*$/.test(line)) {
      skipping = true;
      continue;
    }
    if (skipping && /^\s{3,}\S/.test(line)) continue;
    skipping = false;
    out.push(line);
  }
  return out.join('\n');
}

/** Replaces the absolute test directory with `<dir>/`. */
export function normalizePaths(text, root) {
  const dir = root.endsWith('/') ? root : root + '/';
  return text.split(dir).join('<dir>/');
}
