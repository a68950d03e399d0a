import { describeSeed, seedDemo } from '@polcenter/core';
import { createOrm, migrate } from '@polcenter/core/orm';
import { openDatabase } from '../database.js';
import type { Command } from './types.js';
import { withLibrary } from './with-library.js';

export const migrateCommand: Command = {
  async run(settings, out) {
    const db = await openDatabase(settings, (line) => out.note(line));
    try {
      const orm = await createOrm({ databaseUrl: db.url });
      try {
        const { applied } = await migrate(orm);
        out.say(
          applied.length === 0
            ? {
                vi: 'Cấu trúc cơ sở dữ liệu đã mới nhất; không có gì để làm.',
                en: 'The schema is up to date; nothing to do.',
              }
            : {
                vi: `Đã áp dụng ${applied.length} bước chuyển đổi: ${applied.join(', ')}.`,
                en: `Applied ${applied.length} migration(s): ${applied.join(', ')}.`,
              },
        );
      } finally {
        await orm.close();
      }
    } finally {
      await db.close();
    }
  },
};

export const seedCommand: Command = {
  async run(settings, out) {
    const report = await withLibrary(settings, out, (polcenter) => seedDemo(polcenter));
    out.say(
      report.seeded
        ? describeSeed(report)
        : {
            vi: 'Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.',
            en: 'The database already holds data; no demo data loaded.',
          },
    );
  },
};
