/**
 * Vitest setup file (vitest.config.ts `setupFiles`): while a test file runs, every exchange of every mock engine
 * is checked against the OpenAPI specs (test/support/openapi.ts). A file in which any response broke its spec
 * fails in `afterAll`, listing the violations.
 */
import { afterAll } from 'vitest';
import { MOCK_OBSERVER, type MockExchange, type MockObserver } from '../../src/mock/types.js';
import { validateExchange } from '../support/openapi.js';

const violations: string[] = [];

const observer: MockObserver = (exchange: MockExchange) => {
  for (const violation of validateExchange(exchange)) violations.push(violation);
};
(globalThis as Record<symbol, unknown>)[MOCK_OBSERVER] = observer;

/**
 * Returns and clears the violations seen so far in this file. Only for tests that feed deliberately wrong
 * exchanges to the observer.
 */
export function drainConformanceViolations(): string[] {
  return violations.splice(0, violations.length);
}

afterAll(() => {
  if (violations.length === 0) return;
  const shown = violations.slice(0, 50);
  const more = violations.length > shown.length ? `\n  … and ${violations.length - shown.length} more` : '';
  throw new Error(
    `${violations.length} mock response(s) do not conform to the OpenAPI specs:\n  ${shown.join('\n  ')}${more}`,
  );
});
