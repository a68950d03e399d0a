/**
 * The lists, names and rules of `assignments.ts` that need no input schema: what browsers read, free of
 * zod (ADR 0043). The schemas stay in `assignments.ts` and build on these.
 */

export const ASSIGNMENT_ROLES = ['lecturer', 'rapporteur', 'assistant'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
