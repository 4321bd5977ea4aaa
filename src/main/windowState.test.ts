import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/helpers/tempDir.ts';
import {
  DEFAULT_WINDOW_STATE,
  clampToDisplays,
  parseWindowState,
  readWindowState,
  writeWindowState,
} from './windowState.ts';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1415 };
const tempDir = useTempDir();

describe('window state', () => {
  it('round-trips through its file', () => {
    const file = join(tempDir(), 'nested', 'window-state.json');
    expect(readWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    const state = { x: 100, y: 80, width: 1200, height: 800, maximized: true };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
  });

  it.each([
    null,
    '',
    'not json',
    '[]',
    '{"width":"wide","height":800}',
    '{"width":1200}',
    '{"width":1e9,"height":800}',
    '{"width":1200.5,"height":800}',
  ])('falls back to the defaults for %s', (text) => {
    expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps a valid size but drops a broken position, and enforces the minimum', () => {
    expect(parseWindowState('{"width":300,"height":200,"x":"left","y":0,"maximized":1}')).toEqual({
      width: 720,
      height: 480,
      maximized: false,
    });
  });

  it('keeps a window where it was while that screen is there', () => {
    const state = { x: 1600, y: 100, width: 1400, height: 900, maximized: false };
    expect(clampToDisplays(state, [laptop, monitor])).toEqual(state);
  });

  it('recentres a window left on a monitor that is gone', () => {
    const state = { x: 1600, y: 100, width: 1400, height: 900, maximized: true };
    expect(clampToDisplays(state, [laptop])).toEqual({ width: 1400, height: 875, maximized: true });
  });

  it('pulls a window that hangs off its screen back onto it, shrunk to fit', () => {
    const state = { x: 1000, y: 30, width: 2000, height: 2000, maximized: false };
    expect(clampToDisplays(state, [laptop])).toEqual({
      x: 0,
      y: 25,
      width: 1440,
      height: 875,
      maximized: false,
    });
  });

  it('shrinks a first-launch window to the primary screen', () => {
    expect(
      clampToDisplays(DEFAULT_WINDOW_STATE, [{ x: 0, y: 0, width: 1024, height: 700 }]),
    ).toEqual({
      width: 1024,
      height: 700,
      maximized: false,
    });
    expect(clampToDisplays(DEFAULT_WINDOW_STATE, [])).toEqual(DEFAULT_WINDOW_STATE);
  });
});
