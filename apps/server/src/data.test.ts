import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvRows } from '@polcenter/core';
import { migratedDatabase } from '@polcenter/core/testing';
import { testDatabase } from '@polcenter/testing/database';
import { runCli } from '@polcenter/testing/server-process';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

/** A CSV export read back with the reader the imports use: the header row and the rows below it. */
function parseCsv(text: string) {
  const [header, ...rows] = csvRows(text);
  return { headers: header?.cells ?? [], rows };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'polcenter-data-test-'));
const file = (name: string) => path.join(dir, name);

async function sql(url: string, text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}
const count = async (url: string, table: string, where = 'true') =>
  Number((await sql(url, `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0]?.n);

const demoDatabase = () => migratedDatabase({ demo: true });

test('import people: Vietnamese headers and values, bad rows by line with nothing written, dry run, then the import', async () => {
  const db = await demoDatabase();
  const env = { DATABASE_URL: db.url };
  const header = 'STT;Họ và tên;Ngày sinh;Giới tính;Dân tộc;CCCD;Đơn vị;Chức vụ';
  const good = [
    header,
    '1;Hoàng Thị Nhập;05/03/1990;Nữ;Tày;006190000011;02020;"Bí thư chi đoàn; thôn Nà Pài"',
    '2;Triệu Văn Khẩu;12/11/1984;Nam;Dao;006084000022;02023;',
    '3;Ma Thị Ba;1/1/2001;nữ;Kinh;;02020;',
  ];
  writeFileSync(file('good.csv'), `\ufeff${good.join('\r\n')}\r\n`);
  const bad = [
    ...good.slice(0, 2),
    '2;Triệu Văn Khẩu;31/02/1984;Nam;Dao;;02023;',
    good[3],
    '4;Ma Văn Tư;1/1/2001;Nam;Mán;;99999;',
  ];
  writeFileSync(file('bad.csv'), bad.join('\n'));
  const people = await count(db.url, 'person');

  const refused = await runCli(['import', 'people', file('bad.csv')], env);
  assert.is(refused.code, 1, refused.stderr);
  assert.match(refused.stderr, 'dòng 3: Ngày sinh — "31/02/1984" không phải là một ngày có thật');
  assert.match(refused.stderr, 'dòng 5: Dân tộc —');
  assert.match(refused.stderr, 'dòng 5: Đơn vị — Không có đơn vị mã "99999"');
  assert.match(refused.stderr, '2/4 dòng có lỗi');
  assert.match(refused.stdout, 'Bỏ qua các cột: STT');
  assert.is(await count(db.url, 'person'), people);

  const dry = await runCli(['import', 'people', file('good.csv'), '--dry-run'], { ...env, POLCENTER_LANG: 'en' });
  assert.is(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, 'Dry run: 3 rows are valid; 3 people would be added');
  assert.is(await count(db.url, 'person'), people);

  const done = await runCli(['import', 'people', file('good.csv')], env);
  assert.is(done.code, 0, done.stderr);
  assert.match(done.stdout, 'Đã nhập 3 người từ 3 dòng');
  assert.is(await count(db.url, 'person'), people + 3);
  assert.equal(
    await sql(
      db.url,
      "SELECT given_name, birth_date::text AS b, gender, ethnicity, position FROM person WHERE national_id = '006190000011'",
    ),
    [
      {
        given_name: 'Nhập',
        b: '1990-03-05',
        gender: 'female',
        ethnicity: 'tay',
        position: 'Bí thư chi đoàn; thôn Nà Pài',
      },
    ],
  );
  assert.is(await count(db.url, 'audit_log', "action = 'person.create' AND actor_label = 'cli'"), 3);

  const unknown = await runCli(['import', 'units', file('good.csv')], env);
  const none = await runCli(['export'], env);
  const noFile = await runCli(['import', 'people'], env);
  assert.equal([unknown.code, none.code, noFile.code], [2, 2, 2]);
  assert.match(unknown.stderr, 'Không có lệnh "import units');
  await db.drop();
});

test('XLSX import; export → import round trips for people and enrolments; personal data only when asked, audited', async () => {
  const db = await demoDatabase();
  const env = { DATABASE_URL: db.url };
  // The demo's open class takes enrolments on the day it was seeded (today); its code carries its year.
  const [openClass] = await sql(
    db.url,
    "SELECT code FROM training_class WHERE status = 'open' AND code LIKE 'NTĐ-01/%'",
  );
  const NTD: string = openClass?.code;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc', 'Số CCCD', 'Mã đơn vị', 'Điện thoại']);
  // Excel keeps a typed CCCD or phone as a number (leading zero lost) and a date as a date.
  sheet.addRow(['Nông Thị Excel', new Date(Date.UTC(1992, 6, 15)), 'Nữ', 'Nùng', 6192000033, '02020', 912345678]);
  sheet.addRow(['Hà Văn Bảng', '20/10/1988', 'Nam', "H'Mông", '006088000044', '02023', null]);
  await workbook.xlsx.writeFile(file('people.xlsx'));
  const xlsx = await runCli(['import', 'people', file('people.xlsx')], env);
  assert.is(xlsx.code, 0, xlsx.stderr);
  assert.equal(
    await sql(db.url, "SELECT birth_date::text AS b, phone, ethnicity FROM person WHERE national_id = '006192000033'"),
    [{ b: '1992-07-15', phone: '0912345678', ethnicity: 'nung' }],
  );

  writeFileSync(
    file('enrol.csv'),
    `Mã lớp,CCCD,Họ và tên,Ngày sinh\n${NTD},006192000033,,\n${NTD},,hà văn bảng,20/10/1988\n`,
  );
  const enrol = await runCli(['import', 'enrolments', file('enrol.csv')], env);
  assert.is(enrol.code, 0, enrol.stderr);
  assert.match(enrol.stdout, 'Đã nhập 2 ghi danh');

  const masked = await runCli(['export', 'people'], env);
  assert.is(masked.code, 0, masked.stderr);
  assert.ok(masked.stdout.startsWith('\ufeffHọ và tên,Giới tính,Dân tộc,Mã đơn vị'), masked.stdout.slice(0, 80));
  assert.not.match(masked.stdout, '006192000033');
  assert.is(await count(db.url, 'audit_log', "action = 'person.export_personal'"), 0);

  const exported = await runCli(['export', 'people', '--with-personal-data', '--out', file('people-out.csv')], env);
  assert.is(exported.code, 0, exported.stderr);
  const csv = readFileSync(file('people-out.csv'), 'utf8');
  assert.match(csv, /^\ufeffHọ và tên,Ngày sinh,Giới tính,Dân tộc,Mã đơn vị/);
  assert.match(csv, 'Nông Thị Excel,15/07/1992,Nữ,Nùng,02020');
  assert.is(await count(db.url, 'audit_log', "action = 'person.export_personal'"), 1);
  // Some demo records have no birth date, which a new record needs: the file says which line.
  const [head, ...lines] = csv.trimEnd().split('\r\n');
  const dated = lines.filter((line) => /,\d\d\/\d\d\/\d{4},/.test(line));
  assert.ok(dated.length > 100 && dated.length < lines.length);
  writeFileSync(file('people-dated.csv'), [head, ...dated].join('\r\n'));
  const again = await runCli(['import', 'people', file('people-dated.csv')], env);
  assert.is(again.code, 0, again.stderr);
  assert.match(again.stdout, `Đã nhập 0 người từ ${dated.length} dòng; bỏ qua ${dated.length} đã có`);

  const enrolments = await runCli(
    ['export', 'enrolments', '--with-personal-data', '--out', file('enrolments-out.csv')],
    env,
  );
  assert.is(enrolments.code, 0, enrolments.stderr);
  const classes = await runCli(['export', 'classes'], env);
  assert.match(classes.stdout, NTD);
  const enrolCount = await count(db.url, 'enrolment');
  const [enrolHead, ...enrolLines] = readFileSync(file('enrolments-out.csv'), 'utf8').trimEnd().split('\r\n');
  const open = enrolLines.filter((line) => line.startsWith(`${NTD},`));
  assert.is(open.length, 2);
  writeFileSync(file('enrol-again.csv'), [enrolHead, ...open].join('\r\n'));
  const reimport = await runCli(['import', 'enrolments', file('enrol-again.csv')], env);
  assert.is(reimport.code, 0, reimport.stderr);
  assert.match(reimport.stdout, 'Đã nhập 0 ghi danh từ 2 dòng; bỏ qua 2 đã có');
  // The story's past classes come back with their results: recognised as already on file rather than
  // refused as nominations into a closed class; nothing is written twice.
  const closed = await runCli(['import', 'enrolments', file('enrolments-out.csv')], env);
  assert.not.match(closed.stderr, 'dòng 2:');
  assert.match(closed.stdout + closed.stderr, /dòng 2: Người này đã có trong lớp /);
  assert.is(await count(db.url, 'enrolment'), enrolCount);
  await db.drop();
});

test('exports are safe in a spreadsheet, in Vietnamese, and our own export imports back as it was (CSV and XLSX)', async () => {
  const db = await demoDatabase();
  const env = { DATABASE_URL: db.url };
  const positions = ['=HYPERLINK("http://x.example","bấm")', '+84 đội trưởng', '-Bí thư', '@SUM(A1)', "'=1+1"];
  const people = positions.map((position, i) => ({
    name: `Hoàng Thị Công ${'ABCDE'[i]}`,
    nationalId: `00619900010${i}`,
    position,
  }));
  writeFileSync(
    file('formulas.csv'),
    [
      'Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số CCCD,Mã đơn vị,Chức vụ',
      ...people.map((p) => `${p.name},01/02/1999,Nữ,Tày,${p.nationalId},02020,"${p.position.replaceAll('"', '""')}"`),
    ].join('\n'),
  );
  const imported = await runCli(['import', 'people', file('formulas.csv')], env);
  assert.is(imported.code, 0, imported.stderr);
  // A file's "'=1+1" reads as "=1+1" (the apostrophe is ours); a value that truly starts so is typed in.
  await sql(db.url, `UPDATE person SET position = $1 WHERE national_id = '006199000104'`, [positions[4]]);

  const csvOut = await runCli(['export', 'people', '--with-personal-data', '--out', file('people.csv')], env);
  const xlsxOut = await runCli(['export', 'people', '--with-personal-data', '--out', file('people.xlsx')], env);
  assert.is(csvOut.code, 0, csvOut.stderr);
  assert.is(xlsxOut.code, 0, xlsxOut.stderr);

  // The CSV, read back with the parser the import uses: neutralised cells, Vietnamese names.
  const csv = parseCsv(readFileSync(file('people.csv'), 'utf8'));
  const column = (name: string) => csv.headers.indexOf(name);
  const ours = csv.rows.filter((r) => String(r.cells[column('Họ và tên')]).startsWith('Hoàng Thị Công'));
  assert.equal(
    ours.map((r) => r.cells[column('Chức vụ')]),
    positions.map((p) => `'${p}`),
  );
  assert.equal(
    [...new Set(ours.map((r) => `${r.cells[column('Giới tính')]}/${r.cells[column('Dân tộc')]}`))],
    ['Nữ/Tày'],
  );
  const codes = /^(male|female|tay|kinh|non_member|full_member|probationary)$/;
  assert.not.ok(csv.rows.some((r) => r.cells.some((c) => codes.test(String(c)))));

  // The workbook, read back with exceljs: text cells, never formulas; dates as dates; CCCD as text.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file('people.xlsx'));
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const at = (name: string) => header.indexOf(name);
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row) => {
    if (String(row.getCell(at('Họ và tên')).value).startsWith('Hoàng Thị Công')) rows.push(row);
  });
  assert.equal(
    rows.map((r) => r.getCell(at('Chức vụ')).value),
    positions.map((p) => `'${p}`),
  );
  let formulas = 0;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) formulas++;
    }),
  );
  assert.is(formulas, 0);
  assert.equal(rows[0]?.getCell(at('Ngày sinh')).value, new Date(Date.UTC(1999, 1, 1)));
  assert.is(rows[0]?.getCell(at('Số CCCD')).value, '006199000100');
  assert.equal(
    rows.map((r) => r.getCell(at('Giới tính')).value),
    positions.map(() => 'Nữ'),
  );

  // Enrolments and classes: states, results and modes by their Vietnamese names.
  const enrolments = await runCli(['export', 'enrolments', '--out', file('enrolments.xlsx')], env);
  assert.is(enrolments.code, 0, enrolments.stderr);
  const enrolBook = new ExcelJS.Workbook();
  await enrolBook.xlsx.readFile(file('enrolments.xlsx'));
  const enrolSheet = enrolBook.worksheets[0] as ExcelJS.Worksheet;
  const enrolHeader = (enrolSheet.getRow(1).values as unknown[]).map(String);
  const values = (name: string) =>
    new Set((enrolSheet.getColumn(enrolHeader.indexOf(name)).values as unknown[]).slice(2).filter(Boolean).map(String));
  assert.ok(values('Trạng thái').has('Hoàn thành'), [...values('Trạng thái')].join());
  assert.ok([...values('Xếp loại')].some((v) => ['Giỏi', 'Khá', 'Đạt (trung bình)'].includes(v)));
  assert.not.ok([...values('Trạng thái'), ...values('Xếp loại')].some((v) => /^[a-z_]+$/.test(v)));
  const classes = await runCli(['export', 'classes'], env);
  const classTable = parseCsv(classes.stdout);
  const modes = new Set(classTable.rows.map((r) => r.cells[classTable.headers.indexOf('Hình thức')]));
  assert.ok(modes.has('Trực tiếp'), [...modes].join());

  // Our own exports import into another database exactly as they were typed.
  const other = await demoDatabase();
  for (const name of ['people.csv', 'people.xlsx']) {
    const ourLines = name.endsWith('.csv')
      ? (() => {
          const [head, ...lines] = readFileSync(file(name), 'utf8').split('\r\n');
          return [head, ...lines.filter((l) => l.startsWith('Hoàng Thị Công'))].join('\r\n');
        })()
      : null;
    if (ourLines) writeFileSync(file(`ours-${name}`), ourLines);
    else {
      for (let n = sheet.rowCount; n >= 2; n--) {
        if (!String(sheet.getRow(n).getCell(at('Họ và tên')).value).startsWith('Hoàng Thị Công'))
          sheet.spliceRows(n, 1);
      }
      await workbook.xlsx.writeFile(file(`ours-${name}`));
    }
    await sql(other.url, "DELETE FROM person WHERE full_name LIKE 'Hoàng Thị Công %'");
    const again = await runCli(['import', 'people', file(`ours-${name}`)], { DATABASE_URL: other.url });
    assert.is(again.code, 0, again.stderr);
    assert.match(again.stdout, 'Đã nhập 5 người');
    const back = await sql(
      other.url,
      "SELECT position, gender, ethnicity, birth_date::text AS b FROM person WHERE full_name LIKE 'Hoàng Thị Công %' ORDER BY full_name",
    );
    assert.equal(
      back.map((r) => r.position),
      positions,
      name,
    );
    assert.equal([...new Set(back.map((r) => `${r.gender}/${r.ethnicity}/${r.b}`))], ['female/tay/1999-02-01']);
  }
  await other.drop();
  await db.drop();
});

/** 20,000 distinct people as a district's roster file: 20 family × 20 middle × 50 given names, one CCCD each. */
function generatedRoster(rows: number): string {
  const family = [
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Hoàng',
    'Hà',
    'Triệu',
    'Lý',
    'Ma',
    'Nông',
    'Lò',
    'Bế',
    'Đàm',
    'Hứa',
    'Lục',
    'Vi',
    'Đinh',
    'Bàn',
    'Đặng',
    'La',
  ];
  const middle = [
    'Văn',
    'Thị',
    'Đức',
    'Minh',
    'Thu',
    'Ngọc',
    'Quang',
    'Hồng',
    'Xuân',
    'Thanh',
    'Kim',
    'Hữu',
    'Mạnh',
    'Bích',
    'Công',
    'Thuỳ',
    'Việt',
    'Anh',
    'Tiến',
    'Mỹ',
  ];
  const given =
    'An Bình Chi Dũng Giang Hà Hải Hạnh Hiếu Hoa Huệ Hùng Hương Khánh Lan Linh Long Mai Nam Nga Nhung Phong Phúc Quân Quyên Sơn Tâm Thảo Thắng Thu Thuỷ Tiến Trang Trung Tú Tuấn Tùng Uyên Vân Việt Vinh Xuân Yến Đạt Đông Lộc Lực Khoa Kiên Toàn'.split(
      ' ',
    );
  const lines = ['Họ và tên,Ngày sinh,Giới tính,Dân tộc,Số CCCD,Mã đơn vị'];
  for (let i = 0; i < rows; i++) {
    const name = `${family[i % 20]} ${middle[Math.floor(i / 20) % 20]} ${given[Math.floor(i / 400) % 50]}`;
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    const nationalId = `0061${String(i).padStart(8, '0')}`;
    lines.push(
      `${name},${day}/${month}/${1960 + (i % 40)},${i % 2 ? 'Nam' : 'Nữ'},${i % 3 ? 'Tày' : 'Kinh'},${nationalId},${i % 2 ? '02020' : '02023'}`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

test('import of 20,000 people through the CLI: one transaction, no lock table exhausted', async () => {
  const db = await demoDatabase();
  const env = { DATABASE_URL: db.url };
  writeFileSync(file('roster-20000.csv'), generatedRoster(20_000));
  const before = await count(db.url, 'person');
  const started = performance.now();
  // A shared CI machine may be slow; the bench, not this test, watches the speed.
  const done = await runCli(['import', 'people', file('roster-20000.csv')], env, '', 300_000);
  assert.is(done.code, 0, done.stderr);
  console.log(`  20,000 people imported by the CLI in ${Math.round(performance.now() - started)} ms`);
  assert.match(done.stdout, 'Đã nhập 20000 người từ 20000 dòng');
  assert.is(await count(db.url, 'person'), before + 20_000);
  await db.drop();
});

test('backup → restore into an empty database gives the same rows; a non-empty database is refused', async () => {
  const source = await demoDatabase();
  const target = await testDatabase();
  const backup = await runCli(['backup', '--out', file('backup.jsonl.gz')], { DATABASE_URL: source.url });
  assert.is(backup.code, 0, backup.stderr);
  assert.match(backup.stdout, 'Đã sao lưu');
  assert.equal([...readFileSync(file('backup.jsonl.gz')).subarray(0, 2)], [0x1f, 0x8b]);

  const restored = await runCli(['restore', file('backup.jsonl.gz')], { DATABASE_URL: target.url });
  assert.is(restored.code, 0, restored.stderr);
  assert.match(restored.stdout, 'Đã khôi phục');
  const tables = (
    await sql(
      source.url,
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'mikro_orm_migrations' ORDER BY 1",
    )
  )
    .map((r) => r.tablename as string)
    // The unit tree's stamp (ADR 0035) is not data: writing the units anew gives it a new value,
    // which is what makes every server's cached tree read again. It must still be there, once.
    .filter((t) => t !== 'unit_tree_stamp');
  const fingerprint = async (url: string) =>
    Promise.all(
      tables.map(
        async (t) =>
          `${t}:${(await sql(url, `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`)).map((r) => `${r.n}/${r.h}`)}`,
      ),
    );
  assert.equal(await fingerprint(target.url), await fingerprint(source.url));
  assert.ok((await count(target.url, 'person')) > 0);
  assert.is(await count(target.url, 'unit_tree_stamp'), 1);
  // Sequences go on from where the source was: the next audit row does not collide.
  const [seq] = await sql(target.url, "SELECT nextval('audit_log_id_seq') > (SELECT max(id) FROM audit_log) AS ok");
  assert.ok(seq?.ok);

  const refused = await runCli(['restore', file('backup.jsonl.gz')], { DATABASE_URL: source.url });
  assert.is(refused.code, 1, refused.stderr);
  assert.match(refused.stderr, 'Chỉ khôi phục vào cơ sở dữ liệu trống', refused.stderr);
  assert.not.match(refused.stderr, /\n\s+at /);
  await source.drop();
  await target.drop();
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
