#!/usr/bin/env node
// Runs the compiled CLI (dist/) when built and current, else its TypeScript sources, so `npx entente` works right after `npm ci`.
import { launch } from '@entente/adapters/launch';

await launch(import.meta.url, 'main');
