/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  setupFiles: ['<rootDir>/test/support/env.ts'],
  // A hang guard, not a speed test (speed is measured by npm run bench:*): the tests that import or
  // match the whole recorded corpus take tens of seconds on a loaded 2-core machine.
  testTimeout: 180_000,
  // Each test file loads the parser's lexicons into its own module registry, and a worker does not
  // give that memory back between files (about 85 MB a file here): one worker ran out of its 4 GB
  // heap in CI after some 130 files. Jest restarts a worker between files once it holds more than
  // this. Setting it also makes jest use worker processes on a 2-core machine, where it would
  // otherwise run everything in band in its own process.
  workerIdleMemoryLimit: '1GB',
  // The main process only schedules and reports, so every core can run a worker.
  maxWorkers: '100%',
};
