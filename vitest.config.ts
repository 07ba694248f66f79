import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'schema', root: 'packages/schema', include: ['src/**/*.test.ts'] } },
      { test: { name: 'gongwen', root: 'packages/gongwen', include: ['src/**/*.test.ts'] } },
      { test: { name: 'web', root: 'apps/web', include: ['src/**/*.test.ts'] } },
      { test: { name: 'editor', root: 'packages/editor', include: ['src/**/*.test.ts'] } },
      { test: { name: 'server', root: 'apps/server', include: ['src/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 } },
      // The same server tests against PostgreSQL (each test server in a fresh schema of 127.0.0.1:5432/test).
      {
        test: {
          name: 'server-pg',
          root: 'apps/server',
          include: ['src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
          env: { DONGBI_TEST_DATABASE: 'postgres' },
        },
      },
      {
        test: {
          name: 'tests',
          root: 'tests',
          include: ['**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
