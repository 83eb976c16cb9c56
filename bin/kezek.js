#!/usr/bin/env node
// The `kezek` command: runs the TypeScript CLI through tsx (no build step; see docs/decisions/0006).
import { register } from 'tsx/esm/api';

register();
await import('../packages/cli/src/main.ts');
