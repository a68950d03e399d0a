import { ReferenceKind } from '@mikro-orm/core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ENTITIES } from './entities.js';
import { createTestPolCenter } from './testing/index.js';

const polcenter = await createTestPolCenter();
test.after(() => polcenter.close());

interface Column {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
}

test('every entity maps columns that the migrations built, with the same nullability', async () => {
  // Migrations are written by hand (they hold constraints the ORM cannot express), so this is
  // what catches an entity drifting from them: a missing column, a wrong name, a NOT NULL column
  // the entity would never write.
  const columns = await polcenter.orm.em
    .getConnection()
    .execute<Column[]>(
      "SELECT table_name, column_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public'",
    );
  const problems: string[] = [];
  for (const schema of ENTITIES) {
    const meta = polcenter.orm.getMetadata().get(schema.meta.className);
    const table = columns.filter((c) => c.table_name === meta.tableName);
    if (table.length === 0) problems.push(`${meta.tableName}: no such table`);
    const mapped = new Set<string>();
    for (const prop of meta.props) {
      if (prop.kind === ReferenceKind.ONE_TO_MANY || prop.kind === ReferenceKind.MANY_TO_MANY) continue;
      for (const field of prop.fieldNames ?? []) {
        mapped.add(field);
        const column = table.find((c) => c.column_name === field);
        if (!column)
          problems.push(`${meta.tableName}.${field}: mapped by ${meta.className}.${prop.name}, not in table`);
        else if (prop.persist !== false && !prop.primary && (column.is_nullable === 'YES') !== Boolean(prop.nullable)) {
          problems.push(
            `${meta.tableName}.${field}: nullable ${column.is_nullable} in table, ${!!prop.nullable} in entity`,
          );
        }
      }
    }
    for (const column of table) {
      if (!mapped.has(column.column_name) && column.is_nullable === 'NO' && column.column_default === null) {
        problems.push(`${meta.tableName}.${column.column_name}: NOT NULL without default, not mapped`);
      }
    }
  }
  assert.equal(problems, []);
});

test.run();
