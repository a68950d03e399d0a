import { listExportInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { exportList, LIST_EXPORTS } from '../list-exports.js';
import { protectedProcedure } from '../trpc.js';

/** Lists as files (CSV with a BOM, or XLSX): what the list's own procedure shows the caller, every page. */
export const exportsRouter = {
  list: protectedProcedure
    .input(listExportInput)
    .query(({ ctx, input }) =>
      input.list === 'classes'
        ? exportList(ctx, LIST_EXPORTS.classes, input.filter ?? {}, input.format)
        : exportList(ctx, LIST_EXPORTS.enrolments, input.filter, input.format),
    ),
} satisfies TRPCRouterRecord;
