import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app-deps.ts';
import type { AppEnv } from '../policy.ts';
import { registerHealth } from './health.ts';
import { registerAuth } from './auth.ts';
import { registerDenials } from './denials.ts';
import { registerApplications } from './applications.ts';
import { registerConsultations } from './consultations.ts';
import { registerAudit } from './audit.ts';
import { registerLists } from './lists.ts';
import { registerControls } from './controls.ts';
import { registerGaps } from './gaps.ts';
import { registerDetermine } from './determine.ts';
import { registerAssessments } from './assessments.ts';
import { registerScreening } from './screening.ts';
import { registerClearances } from './clearances.ts';
import { registerSupply } from './supply.ts';
import { registerSubjects } from './subjects.ts';
import { registerMonitoring } from './monitoring.ts';
import { registerDataStatus } from './data-status.ts';

/** Registers every API route. */
export function registerRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  registerHealth(app, deps);
  registerAuth(app, deps);
  registerDenials(app, deps);
  registerApplications(app, deps);
  registerConsultations(app, deps);
  registerAudit(app, deps);
  registerLists(app, deps);
  registerControls(app, deps);
  registerGaps(app, deps);
  registerDetermine(app, deps);
  registerAssessments(app, deps);
  registerScreening(app, deps);
  registerClearances(app, deps);
  registerSupply(app, deps);
  registerSubjects(app, deps);
  registerMonitoring(app, deps);
  registerDataStatus(app, deps);
}
