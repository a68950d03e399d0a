import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createOrm } from '../orm.js';
import { countRows, migratedDatabase } from '../testing/index.js';
import { restoreBackup, writeBackup } from './backup.js';

test('a restore reads every line of a stream already flowing (readline starts before the transaction does)', async () => {
  const source = await migratedDatabase({ demo: true });
  const target = await migratedDatabase({ demo: false });
  const [from, to] = await Promise.all([
    createOrm({ databaseUrl: source.url }),
    createOrm({ databaseUrl: target.url }),
  ]);
  try {
    const lines: string[] = [];
    await writeBackup(from, (line) => {
      lines.push(line.replace(/\n$/, ''));
    });
    // As `polcenter restore` reads a file: readline over a stream that emits as soon as it can.
    // The header is emitted while the restore's transaction is still being opened.
    const input = Readable.from(lines.map((line) => `${line}\n`));
    const report = await restoreBackup(to, createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }));
    assert.ok(report.tables.length > 10);
    assert.is(await countRows(to, 'person'), await countRows(from, 'person'));
  } finally {
    await Promise.all([from.close(), to.close()]);
    await Promise.all([source.drop(), target.drop()]);
  }
});

test.run();
