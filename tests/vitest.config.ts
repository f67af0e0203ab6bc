import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  plugins: [WxtVitest({ root })],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
  },
});
