import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { activitiesRouter } from './routers/activities';
import { assignmentsRouter } from './routers/assignments';
import { auditRouter } from './routers/audit';
import { authRouter } from './routers/auth';
import { attendanceRouter, certificatesRouter, resultsRouter } from './routers/class-work';
import { classesRouter } from './routers/classes';
import { enrolmentRouter } from './routers/enrolment';
import { obligationsRouter } from './routers/obligations';
import { peopleRouter } from './routers/people';
import { programsRouter } from './routers/programs';
import { reportsRouter } from './routers/reports';
import { rostersRouter } from './routers/rosters';
import { systemRouter } from './routers/system';
import { unitsRouter } from './routers/units';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  activities: activitiesRouter,
  assignments: assignmentsRouter,
  attendance: attendanceRouter,
  audit: auditRouter,
  auth: authRouter,
  certificates: certificatesRouter,
  classes: classesRouter,
  enrolment: enrolmentRouter,
  people: peopleRouter,
  obligations: obligationsRouter,
  programs: programsRouter,
  results: resultsRouter,
  reports: reportsRouter,
  rosters: rostersRouter,
  system: systemRouter,
  units: unitsRouter,
});

/** The API's type: other apps import it (type only) for a fully typed client. */
export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
