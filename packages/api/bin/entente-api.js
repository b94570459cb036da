#!/usr/bin/env node
// Runs the compiled API server (dist/) when built and current, else its TypeScript sources.
import { launch } from '@entente/adapters/launch';

await launch(import.meta.url, 'main');
