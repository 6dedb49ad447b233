import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/main/**/*.test.ts', 'test/shared/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
})
