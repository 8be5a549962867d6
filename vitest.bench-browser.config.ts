import { defineConfig } from 'vitest/config';

// Benchmarks that need the built extension in a real browser (npm run bench:badges): they print
// figures and are not part of `npm test`.
export default defineConfig({
  test: {
    include: ['test/bench/**/*.browser-bench.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
