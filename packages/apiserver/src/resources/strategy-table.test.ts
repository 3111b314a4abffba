import { describe, expect, it } from 'vitest';
import { createStrategyTable, strategyFor } from './strategy-table.js';

describe('strategy table', () => {
  it('finds strategies by group and kind, and an empty one for anything else', () => {
    expect(strategyFor('', 'Pod').applyDefaults).toBeTypeOf('function');
    expect(strategyFor('apps', 'Deployment').validateUpdate).toBeTypeOf('function');
    expect(strategyFor('', 'Deployment')).toEqual({});
    expect(strategyFor('example.com', 'Widget')).toEqual({});
  });

  it('hands out context allocations from the table allocators', () => {
    const table = createStrategyTable({ random: () => 0 });
    const ctx = table.context(() => '2024-05-01T10:00:00Z');
    expect(ctx.now()).toBe('2024-05-01T10:00:00Z');
    expect(ctx.allocateClusterIP()).toBe('10.96.1.1');
    expect(ctx.allocateNodePort()).toBe(30086);
    expect(table.clusterIPs.isAllocated('10.96.1.1')).toBe(true);
    expect(table.nodePorts.isAllocated(30086)).toBe(true);
  });

  it('keeps each table allocation separate', () => {
    const a = createStrategyTable({ random: () => 0 });
    const b = createStrategyTable({ random: () => 0 });
    a.context().allocateClusterIP();
    expect(b.clusterIPs.used).toBe(0);
  });
});
