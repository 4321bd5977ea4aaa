#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles on the fly, so a checkout needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/backend/cli/main.ts');
