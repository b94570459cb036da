import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import { registerStatus } from './status.ts';
import { registerOrgs } from './orgs.ts';
import { registerUsers } from './users.ts';
import { registerTokens } from './tokens.ts';
import { registerAudit } from './audit.ts';
import { registerServe } from './serve.ts';
import { registerImport } from './import.ts';
import { registerSync } from './sync.ts';
import { registerLists } from './lists.ts';
import { registerParty } from './party.ts';
import { registerControls } from './controls.ts';
import { registerCrosswalk } from './crosswalk.ts';
import { registerGaps } from './gaps.ts';
import { registerClassify } from './classify.ts';
import { registerDetermine } from './determine.ts';
import { registerAssess } from './assess.ts';
import { registerScreen } from './screen.ts';
import { registerClear } from './clear.ts';
import { registerExport } from './export.ts';
import { registerSupply } from './supply.ts';
import { registerMonitor } from './monitor.ts';

/** Adds every command to the program. */
export function registerCommands(program: Command, ctx: () => CliContext): void {
  registerStatus(program, ctx);
  registerOrgs(program, ctx);
  registerUsers(program, ctx);
  registerTokens(program, ctx);
  registerAudit(program, ctx);
  registerServe(program, ctx);
  registerImport(program, ctx);
  registerSync(program, ctx);
  registerLists(program, ctx);
  registerParty(program, ctx);
  registerControls(program, ctx);
  registerCrosswalk(program, ctx);
  registerGaps(program, ctx);
  registerClassify(program, ctx);
  registerDetermine(program, ctx);
  registerAssess(program, ctx);
  registerScreen(program, ctx);
  registerClear(program, ctx);
  registerExport(program, ctx);
  registerSupply(program, ctx);
  registerMonitor(program, ctx);
}
