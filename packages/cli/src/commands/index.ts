import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { registerStatus } from './status.ts';
import { registerServe } from './serve.ts';

/** Adds every command to the program. */
export function registerCommands(program: Command, ctx: () => CliContext): void {
  registerStatus(program, ctx);
  registerServe(program, ctx);
}
