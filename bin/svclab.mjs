#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step): tsx registers its loader, then the entry runs.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/bin.ts');
