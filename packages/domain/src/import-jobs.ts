import { z } from 'zod';

/** What an import started from the console is of: people, or enrolments in classes. */
export const IMPORT_KINDS = ['people', 'enrolments'] as const;

/** A dry run (`dryRun: true`) or the import itself of a file uploaded before (`imports.upload`). */
export const importStartInput = z.object({ jobId: z.uuid(), dryRun: z.boolean() }).strict();
export type ImportStartInput = z.input<typeof importStartInput>;

/** Where an import stands (polled by its page for the progress bar). */
export const importJobInput = z.object({ jobId: z.uuid() }).strict();
export type ImportJobInput = z.input<typeof importJobInput>;
