import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';

// Tests import each package by its public name; this points the names at the TypeScript
// sources so that tests never run against a stale build.
const packagesDir = fileURLToPath(new URL('./packages/', import.meta.url));
const alias = [
  { find: /^@live-shop\/([\w-]+)$/, replacement: `${packagesDir}$1/src/index.ts` },
  { find: /^@live-shop\/([\w-]+)\/define$/, replacement: `${packagesDir}$1/src/define.ts` },
  { find: /^@live-shop\/([\w-]+)\/storefront$/, replacement: `${packagesDir}$1/src/storefront/index.ts` },
  { find: /^@live-shop\/([\w-]+)\/payment-link$/, replacement: `${packagesDir}$1/src/payment-link.ts` },
  { find: /^@live-shop\/([\w-]+)\/locales\/([\w-]+)$/, replacement: `${packagesDir}$1/src/locales/$2.ts` },
  { find: /^@live-shop\/([\w-]+)\/features\/([\w-]+)$/, replacement: `${packagesDir}$1/src/features/$2.ts` },
  { find: /^@live-shop\/([\w-]+)\/shared$/, replacement: `${packagesDir}$1/src/shared.ts` },
];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['packages/*/src/**/*.test.ts', 'scripts/**/*.test.mjs'],
          exclude: ['**/*.browser.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          include: ['packages/*/src/**/*.browser.test.ts'],
          globalSetup: ['./scripts/test/browser-global-setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: findChromium(), args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.test.ts', 'packages/*/src/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
