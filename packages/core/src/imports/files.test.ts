import { ENROLMENT_IMPORT_FIELDS, isDomainError, PERSON_IMPORT_FIELDS } from '@polcenter/domain';
import { windows1258 } from '@polcenter/testing/legacy-encoding';
import ExcelJS from 'exceljs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { columnHeaderOf, csvRows, decodeText, mapRows, readImportTable } from './files.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isDomainError(error), String(error));
    return error.text.vi;
  }
  throw new Error('expected a refusal');
}

test('decodeText: a UTF-8 BOM, plain UTF-8, UTF-16 with its mark, and Windows-1258 when the bytes are not UTF-8', () => {
  const words = 'Họ và tên;Nguyễn Thị Hường;Đặng Văn Lộc';
  assert.equal(decodeText(utf8(`\ufeff${words}`)), { text: words, encoding: 'utf-8' });
  assert.equal(decodeText(utf8(words)), { text: words, encoding: 'utf-8' });
  assert.equal(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(words, 'utf16le')])), {
    text: words,
    encoding: 'utf-16le',
  });
  // Code page 1258 writes "ệ" as "ê" and a combining dot below: read back composed (NFC), as typed.
  const legacy = decodeText(windows1258(words));
  assert.equal(legacy, { text: words, encoding: 'windows-1258' });
  assert.is(legacy.text.normalize('NFC'), legacy.text);
});

test('csvRows: quoted separators, quotes and line breaks; rows numbered as a spreadsheet shows them', () => {
  const rows = csvRows('Họ và tên;Ghi chú\r\n"Lò Thị A";"một; hai ""ba""\nbốn"\r\n\r\nB;c\n');
  assert.equal(
    rows.map((r) => [r.line, ...r.cells]),
    [
      [1, 'Họ và tên', 'Ghi chú'],
      // One row in Excel, though its note spans two lines of the text.
      [2, 'Lò Thị A', 'một; hai "ba"\nbốn'],
      [3, ''],
      [4, 'B', 'c'],
    ],
  );
  assert.equal(
    csvRows('a\tb\n1\t2,5\n').map((r) => r.cells),
    [
      ['a', 'b'],
      ['1', '2,5'],
    ],
  );
});

test('a CSV saved by Excel in Windows-1258 with a title row above the headers reads with its Vietnamese intact', async () => {
  const csv = [
    'DANH SÁCH CÁN BỘ ĐI HỌC NĂM 2022,,,,',
    ',,,,',
    'STT,Họ và tên,Ngày sinh,Giới tính,Dân tộc',
    '1,Nguyễn Thị Hường,05/03/1990,Nữ,Tày',
    '2,Đặng Văn Lộc,12/11/1984,Nam,Dao',
  ].join('\r\n');
  const table = await readImportTable(windows1258(csv), 'Danh sách.csv', PERSON_IMPORT_FIELDS);
  assert.is(table.encoding, 'windows-1258');
  assert.is(table.headerLine, 3);
  const { rows, columns, ignored } = mapRows(table, PERSON_IMPORT_FIELDS);
  assert.equal(ignored, ['STT']);
  assert.equal(rows, [
    { line: 4, values: { fullName: 'Nguyễn Thị Hường', birthDate: '05/03/1990', gender: 'Nữ', ethnicity: 'Tày' } },
    { line: 5, values: { fullName: 'Đặng Văn Lộc', birthDate: '12/11/1984', gender: 'Nam', ethnicity: 'Dao' } },
  ]);
  // A problem is named by the header as the file wrote it, or by the column to add when it is missing.
  assert.is(columnHeaderOf('birthDate', columns), 'Ngày sinh');
  assert.is(columnHeaderOf('unitCode', columns), 'Mã đơn vị');
});

test('an XLSX with a merged title row: headers found below it, dates and numbers as Excel keeps them', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lớp 2022');
  sheet.addRow(['Danh sách học viên lớp NTĐ-01/2022']);
  sheet.mergeCells('A1:E1');
  sheet.addRow(['Mã lớp', 'Số CCCD', 'HỌ VÀ TÊN', 'Ngày sinh', 'Ghi chú']);
  sheet.addRow(['NTĐ-01/2022', 6190000011, 'Hoàng Thị Nhập', new Date('1990-03-05T00:00:00Z'), '=1+1']);
  sheet.addRow([]);
  sheet.addRow(['NTĐ-01/2022', '006084000022', 'Triệu Văn Khẩu', '12/11/1984', null]);
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  const table = await readImportTable(data, 'lop-2022.xlsx', ENROLMENT_IMPORT_FIELDS);
  assert.is(table.headerLine, 2);
  const { rows, columns } = mapRows(table, ENROLMENT_IMPORT_FIELDS);
  assert.equal(
    columns.map((c) => [c.header, c.field]),
    [
      ['Mã lớp', 'classCode'],
      ['Số CCCD', 'nationalId'],
      ['HỌ VÀ TÊN', 'fullName'],
      ['Ngày sinh', 'birthDate'],
      ['Ghi chú', 'note'],
    ],
  );
  assert.equal(rows, [
    {
      line: 3,
      values: {
        classCode: 'NTĐ-01/2022',
        nationalId: '006190000011',
        fullName: 'Hoàng Thị Nhập',
        birthDate: '05/03/1990',
        note: '=1+1',
      },
    },
    {
      line: 5,
      values: {
        classCode: 'NTĐ-01/2022',
        nationalId: '006084000022',
        fullName: 'Triệu Văn Khẩu',
        birthDate: '12/11/1984',
      },
    },
  ]);
});

test('files that are not a table are refused with what to do', async () => {
  assert.match(await refusal(readImportTable(Buffer.alloc(0), 'a.csv', PERSON_IMPORT_FIELDS)), 'Tệp rỗng');
  assert.match(
    await refusal(readImportTable(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'cu.xls', PERSON_IMPORT_FIELDS)),
    '(.xls)',
  );
  assert.match(await refusal(readImportTable(utf8('Họ và tên\nA'), 'anh.pdf', PERSON_IMPORT_FIELDS)), '"anh.pdf"');
  assert.match(
    await refusal(readImportTable(utf8('Họ và tên\nA'), 'a.xlsx', PERSON_IMPORT_FIELDS)),
    'không phải sổ làm việc Excel',
  );
  assert.match(
    await refusal(readImportTable(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'a.csv', PERSON_IMPORT_FIELDS)),
    'Chỉ nhập được tệp .csv hoặc .xlsx',
  );
  assert.match(
    await refusal(readImportTable(utf8('Cột một,Cột hai\n1,2\n'), 'a.csv', PERSON_IMPORT_FIELDS)),
    'Không tìm thấy dòng tiêu đề cột',
  );
  assert.match(await refusal(readImportTable(utf8('Họ và tên\n"A\n'), 'a.csv', PERSON_IMPORT_FIELDS)), 'ngoặc kép');
});

test.run();
