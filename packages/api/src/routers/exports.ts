import { listExportInput } from '@polcenter/domain';
import type { TRPCRouterRecord } from '@trpc/server';
import { exportList, LIST_EXPORTS } from '../list-exports.js';
import { protectedProcedure } from '../trpc.js';

/** Lists as files (CSV with a BOM, or XLSX): what the list's own procedure shows the caller, every page. */
export const exportsRouter = {
  list: protectedProcedure.input(listExportInput).query(({ ctx, input }) => {
    // One branch per list: each narrows the filter to its list's own input type.
    switch (input.list) {
      case 'classes':
        return exportList(ctx, LIST_EXPORTS.classes, input.filter ?? {}, input.format);
      case 'enrolments':
        return exportList(ctx, LIST_EXPORTS.enrolments, input.filter, input.format);
      case 'people':
        return exportList(ctx, LIST_EXPORTS.people, input.filter, input.format);
      case 'rosters':
        return exportList(ctx, LIST_EXPORTS.rosters, input.filter, input.format);
      case 'rosterMembers':
        return exportList(ctx, LIST_EXPORTS.rosterMembers, input.filter, input.format);
      case 'obligations':
        return exportList(ctx, LIST_EXPORTS.obligations, input.filter, input.format);
      case 'shortfalls':
        return exportList(ctx, LIST_EXPORTS.shortfalls, input.filter, input.format);
      case 'briefings':
        return exportList(ctx, LIST_EXPORTS.briefings, input.filter, input.format);
      case 'opinionReports':
        return exportList(ctx, LIST_EXPORTS.opinionReports, input.filter, input.format);
      case 'conferences':
        return exportList(ctx, LIST_EXPORTS.conferences, input.filter, input.format);
      case 'contests':
        return exportList(ctx, LIST_EXPORTS.contests, input.filter, input.format);
      case 'units':
        return exportList(ctx, LIST_EXPORTS.units, input.filter, input.format);
      case 'accounts':
        return exportList(ctx, LIST_EXPORTS.accounts, input.filter, input.format);
      case 'audit':
        return exportList(ctx, LIST_EXPORTS.audit, input.filter, input.format);
      case 'programs':
        return exportList(ctx, LIST_EXPORTS.programs, {}, input.format);
    }
  }),
} satisfies TRPCRouterRecord;
