import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // End-to-end files each start a server and a browser: two cores run two files at once.
    maxWorkers: 2,
    reporters: ['default']
  }
})
