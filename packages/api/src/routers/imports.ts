import { MAX_IMPORT_BYTES } from '@polcenter/core';
import { DomainError, IMPORT_KINDS, importJobInput, importStartInput, type LocalizedText } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { isAdmin, reachOf } from '../access.js';
import { actorOf } from '../actor.js';
import { roleProcedure } from '../trpc.js';

/**
 * A multipart form as the upload arrives (the web's `FormData`), typed by what is read of it, so the
 * router's published type names no server library (a browser's `FormData` is one).
 */
export interface UploadForm {
  get(name: string): unknown;
}
const uploadForm = z.custom<UploadForm>((value) => value instanceof FormData, {
  message: 'multipart/form-data expected',
});

const uploadRefusal = (text: LocalizedText, field: string) =>
  new DomainError('INPUT.INVALID', text, { fields: [{ field, message: text }] });

/**
 * Imports from the console: the file goes up as `multipart/form-data` (`kind`, `file`), is read
 * once on the server (docs/adr/0031), then a dry run and the import run as a job whose progress the
 * page polls. For center staff: people go only into units they manage, enrolments only into classes
 * their units organise.
 */
export const importsRouter = {
  upload: roleProcedure('center_staff')
    .input(uploadForm)
    .mutation(async ({ ctx, input }) => {
      const kind = input.get('kind');
      const file = input.get('file');
      if (typeof kind !== 'string' || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
        throw uploadRefusal({ vi: 'Chọn loại dữ liệu cần nhập.', en: 'Choose what to import.' }, 'kind');
      }
      if (!(file instanceof Blob) || file.size === 0) {
        throw uploadRefusal({ vi: 'Chọn một tệp .csv hoặc .xlsx.', en: 'Choose a .csv or .xlsx file.' }, 'file');
      }
      if (file.size > MAX_IMPORT_BYTES) {
        throw uploadRefusal(
          {
            vi: `Tệp lớn hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB; hãy chia theo đơn vị.`,
            en: `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it by unit.`,
          },
          'file',
        );
      }
      const name = 'name' in file && typeof file.name === 'string' ? file.name : 'file';
      return ctx.polcenter.importJobs.upload(ctx.principal.userId, {
        kind: kind as (typeof IMPORT_KINDS)[number],
        fileName: name,
        data: new Uint8Array(await file.arrayBuffer()),
      });
    }),
  start: roleProcedure('center_staff')
    .input(importStartInput)
    .mutation(async ({ ctx, input }) => {
      const reach = isAdmin(ctx) ? null : await reachOf(ctx);
      const scope = reach ? (unitId: string) => reach.reaches(unitId, ['center_staff']) : undefined;
      return ctx.polcenter.importJobs.start(
        { ...actorOf(ctx), id: ctx.principal.userId },
        input.jobId,
        input.dryRun,
        scope,
      );
    }),
  job: roleProcedure('center_staff')
    .input(importJobInput)
    .query(({ ctx, input }) => ctx.polcenter.importJobs.get(ctx.principal.userId, input.jobId)),
} satisfies TRPCRouterRecord;
