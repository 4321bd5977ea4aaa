import { describe, expect, it } from 'vitest';
import { absoluteTime, relativeTime } from './relativeTime.ts';

const NOW = new Date('2025-03-12T14:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('relativeTime', () => {
  it('says just now under a minute', () => {
    expect(relativeTime(ago(10), NOW, 'en')).toBe('just now');
    expect(relativeTime(ago(-10), NOW, 'en')).toBe('just now');
  });

  it('uses the largest whole unit', () => {
    expect(relativeTime(ago(5 * 60), NOW, 'en')).toBe('5 minutes ago');
    expect(relativeTime(ago(2 * 3600 + 59 * 60), NOW, 'en')).toBe('2 hours ago');
    expect(relativeTime(ago(24 * 3600), NOW, 'en')).toBe('yesterday');
    expect(relativeTime(ago(3 * 24 * 3600), NOW, 'en')).toBe('3 days ago');
    expect(relativeTime(ago(15 * 24 * 3600), NOW, 'en')).toBe('2 weeks ago');
    expect(relativeTime(ago(400 * 24 * 3600), NOW, 'en')).toBe('last year');
  });

  it('handles a clock ahead of ours', () => {
    expect(relativeTime(ago(-2 * 3600), NOW, 'en')).toBe('in 2 hours');
  });

  it('gives nothing for an invalid date', () => {
    expect(relativeTime(new Date('nope'), NOW, 'en')).toBe('');
  });
});

describe('absoluteTime', () => {
  it('formats date and time, and nothing for an invalid date', () => {
    expect(absoluteTime(NOW, 'en')).toMatch(/2025/);
    expect(absoluteTime(new Date('nope'), 'en')).toBe('');
  });
});
