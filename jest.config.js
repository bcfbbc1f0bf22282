/** Three tiers (see README): unit specs beside the source, medium/e2e specs under test/. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];
const libs = [
  'platform',
  'persistence',
  'mrz',
  'synthetic',
  'quality',
  'ocr',
  'matching',
  'verdict',
  'analysis',
  'testing',
  'auth',
  'applicants',
  'verifications',
  'storage',
  'webhooks',
  'review',
  'audit',
  'id-numbers',
  'documents',
];
/** The light entries of two libraries (see eslint.config.js). */
const entries = { 'applicants/records': 'applicants/src/records', 'platform/config': 'platform/src/config' };
const moduleNameMapper = Object.fromEntries([
  ...libs.map((l) => [`^@idv/${l}$`, `<rootDir>/libs/${l}/src`]),
  ...Object.entries(entries).map(([entry, file]) => [`^@idv/${entry}$`, `<rootDir>/libs/${file}`]),
]);
const common = {
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  rootDir: __dirname,
};

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
