import { describe, expect, it } from 'vitest';
import { healthResponse } from './health-response.js';

describe('healthResponse', () => {
  it('answers ok', () => {
    expect(healthResponse('healthz', false)).toEqual({ contentType: 'text/plain; charset=utf-8', body: 'ok' });
  });

  it.each(['healthz', 'livez', 'readyz'] as const)('lists checks for %s?verbose', (endpoint) => {
    expect(healthResponse(endpoint, true)).toEqual({
      contentType: 'text/plain; charset=utf-8',
      body: `[+]ping ok\n[+]log ok\n${endpoint} check passed\n`,
    });
  });
});
