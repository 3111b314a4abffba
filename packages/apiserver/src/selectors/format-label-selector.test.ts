import { describe, expect, it } from 'vitest';
import { formatLabelSelector, labelSelectorString } from './label-selector-object.js';
import { formatLabels } from '../printers/format-labels.js';

describe('formatLabelSelector', () => {
  it('prints match labels sorted by key', () => {
    expect(formatLabelSelector({ matchLabels: { tier: 'fe', app: 'web' } })).toBe('app=web,tier=fe');
  });

  it('prints every expression operator, values sorted', () => {
    const selector = {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'zone', operator: 'NotIn', values: ['b', 'a'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'owner', operator: 'Exists' },
        { key: 'example.com/team', operator: 'In', values: ['x'] },
      ],
    };
    expect(formatLabelSelector(selector)).toBe('app=web,!canary,env in (dev,prod),example.com/team in (x),owner,zone notin (a,b)');
  });

  it('prints <none> for a nil or empty selector', () => {
    expect(formatLabelSelector(undefined)).toBe('<none>');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchLabels: {}, matchExpressions: [] })).toBe('<none>');
  });

  it('prints <error> for an invalid selector', () => {
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] })).toBe('<error>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toBe('<error>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['b'] }] })).toBe('<error>');
    expect(formatLabelSelector({ matchLabels: { 'bad key': 'x' } })).toBe('<error>');
  });

  it('leaves the empty and invalid cases to the caller in labelSelectorString', () => {
    expect(labelSelectorString(undefined)).toBe('');
    expect(labelSelectorString({})).toBe('');
    expect(labelSelectorString({ matchExpressions: [{ key: 'a', operator: 'nope' }] })).toBeUndefined();
  });
});

describe('formatLabels', () => {
  it('prints k=v sorted by key, <none> when empty', () => {
    expect(formatLabels({ tier: 'fe', app: 'web' })).toBe('app=web,tier=fe');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });
});
