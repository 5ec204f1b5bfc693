import { describe, expect, it } from 'vitest';
import { PRODUCTS_PER_SHARD, shardCount } from './site-builder.ts';

describe('shardCount', () => {
  it('builds a small catalogue in one shard per process and a large one in shards of bounded size', () => {
    expect(PRODUCTS_PER_SHARD).toBe(20_000);
    expect(shardCount(90, 1)).toBe(1);
    expect(shardCount(90, 2)).toBe(2);
    expect(shardCount(0, 1)).toBe(1);
    expect(shardCount(20_000, 1)).toBe(1);
    expect(shardCount(20_001, 1)).toBe(2);
    expect(shardCount(100_000, 1)).toBe(5);
    expect(shardCount(100_000, 2)).toBe(5);
    expect(shardCount(90, 1, 40)).toBe(3);
  });
});
