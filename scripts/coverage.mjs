// How much of racket/base, racket and the libraries real programs require
// rkt binds, against Racket 8.7's export lists
// (test/data/exports.json, written by scripts/exports.rkt):  npm run coverage
// Prints one line per library, then with --missing the names not bound and
// the procedures whose arity differs from Racket's.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { Runtime, nodeHost, libraryCoverage } = require('../dist/lib.cjs');
const data = JSON.parse(readFileSync(new URL('../test/data/exports.json', import.meta.url), 'utf8'));
const verbose = process.argv.includes('--missing');

const rt = new Runtime({ host: nodeHost() });
// racket/base and racket first, then the other libraries by name.
const rank = (name) => (name === 'racket/base' ? 0 : name === 'racket' ? 1 : 2);
const libraries = Object.entries(data.libraries).sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1));
for (const [library, names] of libraries) {
  const c = libraryCoverage(rt, library, names);
  const procedures = Object.values(names).filter((e) => e.kind === 'procedure').length;
  console.log(
    `${library}: ${c.bound.length} of ${c.total} bound, ${c.impossible.length} impossible on Node (src/prims/unsupported.ts); arities match Racket's for ${procedures - c.arityDifferences.length - c.missing.filter((n) => names[n].kind === 'procedure').length - c.impossible.filter((n) => names[n].kind === 'procedure').length} of ${procedures} procedures`,
  );
  if (verbose) {
    console.log(`  not bound: ${c.missing.join(' ')}`);
    for (const d of c.arityDifferences) console.log(`  ${d.name}: Racket ${d.racket}, rkt ${d.rkt}`);
  }
}
