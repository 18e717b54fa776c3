// The import rules of src/ (docs/ARCHITECTURE.md explains the layers).
// `npm test` runs `npm run depcheck`, which fails on any violation.
// Type-only imports count: tsPreCompilationDeps sees them.

/** Layers from the bottom up; each may import only itself and the layers before it. */
const layers = [
  'host', // the Host interface, and its Node implementation (node-*.ts)
  'values',
  'printer',
  'errors',
  'reader',
  'expand',
  'macros',
  'eval',
  'thread',
  'io',
  'prims',
  'lib',
  'runtime',
  'cli|embed',
];

/** Layers a layer must not import: everything above it. */
const upward = layers.map((layer, i) => ({
  name: `${layer.replace('|', '-')}-imports-only-downwards`,
  comment: `src/${layer} may import only src/${layers.slice(0, i + 1).join(', src/')}`,
  severity: 'error',
  from: { path: `^src/(${layer})/` },
  to: { path: `^src/(${layers.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles under src/, type imports included.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward.filter((r) => r.to.path !== '^src/()/'),
    {
      name: 'eval-sees-only-the-core-language',
      comment: 'The evaluator takes the expander output (expand/core.ts) and nothing else of the expander.',
      severity: 'error',
      from: { path: '^src/eval/' },
      to: { path: '^src/(expand|macros)/', pathNot: '^src/expand/core\\.ts$' },
    },
    {
      name: 'node-only-in-host-and-entry-points',
      comment: 'Only src/host touches Node (and the command line and embedding entry points, for process-level matters).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(host|cli|embed)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'node-host-only-in-entry-points',
      comment: 'Code below the runtime uses the Host interface, never its Node implementation.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(host|runtime|cli|embed)/' },
      to: { path: '^src/host/node-' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
  },
};
