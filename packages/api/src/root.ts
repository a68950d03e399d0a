import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { accountsRouter } from './routers/accounts.js';
import { activitiesRouter } from './routers/activities.js';
import { assignmentsRouter } from './routers/assignments.js';
import { auditRouter } from './routers/audit.js';
import { authRouter } from './routers/auth.js';
import { attendanceRouter, certificatesRouter, resultsRouter } from './routers/class-work.js';
import { classesRouter } from './routers/classes.js';
import { enrolmentRouter } from './routers/enrolment.js';
import { exportsRouter } from './routers/exports.js';
import { importsRouter } from './routers/imports.js';
import { obligationsRouter } from './routers/obligations.js';
import { peopleRouter } from './routers/people.js';
import { programsRouter } from './routers/programs.js';
import { referenceRouter } from './routers/reference.js';
import { reportsRouter } from './routers/reports.js';
import { rostersRouter } from './routers/rosters.js';
import { systemRouter } from './routers/system.js';
import { unitsRouter } from './routers/units.js';
import { workRouter } from './routers/work.js';
import { createCallerFactory, router } from './trpc.js';

/**
 * The procedures by area, as a plain record: its type holds no server context, so the client's
 * router type (`@polcenter/client`) is built from it alone, naming nothing of the server's internals.
 */
export const procedures = {
  accounts: accountsRouter,
  activities: activitiesRouter,
  assignments: assignmentsRouter,
  attendance: attendanceRouter,
  audit: auditRouter,
  auth: authRouter,
  certificates: certificatesRouter,
  classes: classesRouter,
  enrolment: enrolmentRouter,
  exports: exportsRouter,
  imports: importsRouter,
  people: peopleRouter,
  obligations: obligationsRouter,
  programs: programsRouter,
  reference: referenceRouter,
  results: resultsRouter,
  reports: reportsRouter,
  rosters: rostersRouter,
  system: systemRouter,
  units: unitsRouter,
  work: workRouter,
};

export const appRouter = router(procedures);

/** The API's type: other apps import it (type only) for a fully typed client. */
export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
