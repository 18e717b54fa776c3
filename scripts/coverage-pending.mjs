// Rewrites test/data/coverage-pending.json from what the current build binds
// (run after `npm run build` when names have been added):
//   node scripts/coverage-pending.mjs
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { Runtime, nodeHost, libraryCoverage } = require('../dist/lib.cjs');
const dataUrl = new URL('../test/data/exports.json', import.meta.url);
const pendingUrl = new URL('../test/data/coverage-pending.json', import.meta.url);
const data = JSON.parse(readFileSync(dataUrl, 'utf8'));
const pending = JSON.parse(readFileSync(pendingUrl, 'utf8'));
const rt = new Runtime({ host: nodeHost() });
for (const [library, names] of Object.entries(data.libraries)) {
  const c = libraryCoverage(rt, library, names);
  pending[library] = { unbound: c.missing, arity: c.arityDifferences.map((d) => d.name) };
}
writeFileSync(pendingUrl, `${JSON.stringify(pending, null, 1)}\n`);
