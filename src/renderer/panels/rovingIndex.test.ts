import { describe, expect, it } from 'vitest';
import { rovingIndex } from './rovingIndex.ts';

describe('rovingIndex', () => {
  it('moves with either axis of arrows and wraps', () => {
    expect(rovingIndex('ArrowRight', 0, 4)).toBe(1);
    expect(rovingIndex('ArrowDown', 3, 4)).toBe(0);
    expect(rovingIndex('ArrowLeft', 0, 4)).toBe(3);
    expect(rovingIndex('ArrowUp', 2, 4)).toBe(1);
  });

  it('jumps to the ends with Home and End', () => {
    expect(rovingIndex('Home', 2, 4)).toBe(0);
    expect(rovingIndex('End', 0, 4)).toBe(3);
  });

  it('ignores other keys and empty groups', () => {
    expect(rovingIndex('Enter', 1, 4)).toBeNull();
    expect(rovingIndex('ArrowRight', 0, 0)).toBeNull();
  });
});
