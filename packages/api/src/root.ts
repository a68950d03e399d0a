import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { authRouter } from './routers/auth';
import { classesRouter } from './routers/classes';
import { peopleRouter } from './routers/people';
import { programsRouter } from './routers/programs';
import { systemRouter } from './routers/system';
import { unitsRouter } from './routers/units';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  auth: authRouter,
  classes: classesRouter,
  people: peopleRouter,
  programs: programsRouter,
  system: systemRouter,
  units: unitsRouter,
});

/** The API's type: other apps import it (type only) for a fully typed client. */
export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export const createCaller = createCallerFactory(appRouter);
