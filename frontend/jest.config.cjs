// Tests run as a browser in Hà Nội would (workers inherit this): fixtures' local Date constructors mean Vietnam time.
process.env.TZ = 'Asia/Ho_Chi_Minh';

/** Frontend tests: React Testing Library in jsdom. */
module.exports = {
  // Jest's default (cores − 1) runs a 2-core machine's suite in one process; the files are independent, use both.
  maxWorkers: Math.max(2, require('node:os').availableParallelism() - 1),
  testEnvironment: 'jsdom',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: { '^@thidua/rules$': '<rootDir>/../packages/rules/src/index.ts', '^@ballot-crypto$': '<rootDir>/../backend/src/modules/ballots/crypto/paper-crypto.ts', '^@ledger-proof$': '<rootDir>/../backend/src/modules/audit/ledger-proof.ts', '^@ledger-fingerprint$': '<rootDir>/../backend/src/modules/audit/ledger-fingerprint.ts', '^@/(.*)$': '<rootDir>/src/$1', '\\.(css)$': 'identity-obj-proxy' },
  setupFiles: ['<rootDir>/test/setup-env.cjs'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  testMatch: ['<rootDir>/src/**/*.test.ts?(x)', '<rootDir>/test/**/*.test.ts?(x)'],
};
