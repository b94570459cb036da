export { createApp, type EntenteApp } from './create-app.ts';
export type { AppDeps } from './app-deps.ts';
export { startServer, type RunningServer } from './start-server.ts';
