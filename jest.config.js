/** One jest run for every level: *.spec.ts (unit), *.int-spec.ts (store, processes), *.e2e-spec.ts (HTTP). */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  transform: {
    // Type-checking is done once by `tsc --noEmit` in `npm test`; jest only transpiles (isolatedModules).
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }],
    // jose 6 is ESM-only; Node 20 loads it with require(esm), jest's own loader (before Node 24.9) cannot.
    '^.+/node_modules/jose/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022', isolatedModules: true } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: {
    '^@app/(domain|event-store|projections|application)$': '<rootDir>/libs/$1/src',
  },
  testTimeout: 30000,
  maxWorkers: 2,
};
