import { describe, expect, it } from 'vitest';
import { normaliseAges } from './normalise-ages.js';

describe('normaliseAges', () => {
  it('replaces whole age cells and the padding after them', () => {
    expect(normaliseAges('web   1/1   Running   0     3m2s    10.0.0.1\n')).toBe('web   1/1   Running   0     AGE  10.0.0.1\n');
    expect(normaliseAges('Normal  Pulled  5s (x2 over 10s)  kubelet')).toBe('Normal  Pulled  AGE (x2 over AGE)  kubelet');
  });

  it('leaves age-like runs inside other words alone', () => {
    const selector = 'controller-uid=5882a6d1-528d-4e71-b244-a729a0fdb635';
    expect(normaliseAges(`pi   Running   ${selector}`)).toBe(`pi   Running   ${selector}`);
  });
});
