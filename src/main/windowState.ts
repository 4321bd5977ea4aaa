import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Where and how big the window was, remembered across launches. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** A rectangle, as Electron's `Display.workArea` gives it. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The first launch: a comfortable size, centred by the OS. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
const MIN_WIDTH = 720;
const MIN_HEIGHT = 480;
// How much of the title bar must be on a screen for the window to count as reachable.
const GRIP_WIDTH = 64;
const TITLE_BAR_HEIGHT = 32;

const isInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 100_000;

/**
 * Reads the remembered state from the file's text. The file is ours but may be damaged
 * or hand-edited: anything that does not check out falls back to the defaults.
 */
export function parseWindowState(text: string | null): WindowState {
  if (text === null) return DEFAULT_WINDOW_STATE;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_WINDOW_STATE;
  const record: Record<string, unknown> = { ...value };
  const { x, y, width, height, maximized } = record;
  if (!isInt(width) || !isInt(height)) return DEFAULT_WINDOW_STATE;
  const state: WindowState = {
    width: Math.max(MIN_WIDTH, width),
    height: Math.max(MIN_HEIGHT, height),
    maximized: maximized === true,
  };
  if (isInt(x) && isInt(y)) Object.assign(state, { x, y });
  return state;
}

function overlap(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

/**
 * Fits the remembered bounds to the displays there are now. A monitor may have been
 * unplugged since: a window whose title bar is on no screen is recentred (the position
 * dropped), and a window larger than its screen's work area is shrunk to it.
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return state;
  const primary = workAreas[0]!;
  if (state.x === undefined || state.y === undefined) {
    return {
      ...state,
      width: Math.min(state.width, primary.width),
      height: Math.min(state.height, primary.height),
    };
  }
  const titleBar: Rect = { x: state.x, y: state.y, width: state.width, height: TITLE_BAR_HEIGHT };
  const home = workAreas.find((area) => {
    const shared = overlap(titleBar, area);
    return shared.width >= GRIP_WIDTH && shared.height >= TITLE_BAR_HEIGHT / 2;
  });
  if (home === undefined) {
    return {
      width: Math.min(state.width, primary.width),
      height: Math.min(state.height, primary.height),
      maximized: state.maximized,
    };
  }
  const width = Math.min(state.width, home.width);
  const height = Math.min(state.height, home.height);
  return {
    x: Math.min(Math.max(state.x, home.x), home.x + home.width - width),
    y: Math.min(Math.max(state.y, home.y), home.y + home.height - height),
    width,
    height,
    maximized: state.maximized,
  };
}

/** Reads the state file; a missing or unreadable file means the defaults. */
export function readWindowState(file: string): WindowState {
  let text: string | null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = null;
  }
  return parseWindowState(text);
}

/** Writes the state file atomically (a crash mid-write must not leave half a file). */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state)}\n`);
  renameSync(temp, file);
}
