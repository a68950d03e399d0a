import { z } from 'zod';
import { DEFAULT_WORK_LIMIT, MAX_WORK_LIMIT } from './work-terms.js';

export const workTodoInput = z
  .object({ limit: z.number().int().min(1).max(MAX_WORK_LIMIT).default(DEFAULT_WORK_LIMIT) })
  .strict();
export type WorkTodoInput = z.input<typeof workTodoInput>;
