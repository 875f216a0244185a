// Unit tests are pure and fast; integration tests start real servers (simulator, SMTP) and use the real
// keychain, so they run one file at a time to keep ports and the Secret Service calm on 2 cores.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        // End to end: the built renderer in Debian's Chromium through Playwright, wired to the real services.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // npm run test:team-chaos: 20 desktops as child processes under faults, a few minutes; CI runs it apart.
        test: {
          name: 'chaos',
          include: ['test/chaos/**/*.test.ts'],
          environment: 'node',
          testTimeout: 1_200_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // Benchmarks (npm run bench:*): scripts that print figures, run here because main imports SQL with ?raw.
        test: {
          name: 'bench',
          include: ['scripts/bench/**/*.bench-run.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
