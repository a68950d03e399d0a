import { testDatabase } from '@polcenter/testing/database';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { tour } from '../examples/library-tour.js';

test('the library tour in docs/library.md runs from an empty database to results', async () => {
  const db = await testDatabase();
  const lines: string[] = [];
  try {
    const summary = await tour(db.url, (line) => lines.push(line));
    assert.is(summary, 'CNKT-05/2030: draft → open → running → finished');
    assert.equal(lines.slice(0, 4), [
      'Nông Văn Hải: Đã duyệt',
      'Bàn Thị Lan: Đã duyệt',
      'Lục Văn Toàn: Danh sách chờ',
      'Lục Văn Toàn được chuyển từ danh sách chờ: Đã duyệt',
    ]);
    assert.is(lines.length, 7);
  } finally {
    await db.drop();
  }
});

test.run();
