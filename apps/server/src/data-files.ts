import { readFile } from 'node:fs/promises';
import { type RawTable, readImportTable } from '@polcenter/core';
import { SetupError } from '@polcenter/postgres';

/** A file the CLI was given, read as the console's upload is (`readImportTable` in core/imports). */
export async function readTable<F extends string>(file: string, fields: readonly F[]): Promise<RawTable> {
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    throw new SetupError(
      'FILE.UNREADABLE',
      { vi: `Không đọc được tệp ${file}.`, en: `Cannot read the file ${file}.` },
      { cause: error },
    );
  }
  return readImportTable(data, file, fields);
}
