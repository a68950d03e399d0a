import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { collectedLog, scanLog } from './log-scan.js';

// Lines the server wrote before ADR 0010, when a NUL byte in the input reached PostgreSQL: the
// driver's message (the SQL with its values inlined) went into the error line.
const LEAKED_CATALOG =
  '{"time":"2026-12-02T00:36:37.261Z","level":"error","message":"procedure failed","path":"classes.catalog","error":"DriverException: WITH RECURSIVE scope AS (\\n               SELECT id FROM unit WHERE code = \'a\\u0000b\'\\n  UNION ALL ... LIMIT 21 - invalid message format"}';
const LEAKED_REGISTRATION =
  '{"time":"2026-12-02T00:36:37.343Z","level":"error","message":"procedure failed","path":"enrolment.register","error":"DriverException: insert into \\"person\\" (\\"full_name\\", \\"birth_date\\", \\"phone\\", \\"national_id\\") values (\'Nguyễn Văn An\\u0000\', \'1990-05-01\', \'0912345678\', \'006090123456\') - invalid message format"}';
const LEAKED_TOKEN_CHECK =
  '{"level":"error","message":"procedure failed","error":"DriverException: select u.id from api_token t where t.hash = \'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\' - Connection terminated"}';

test('the leaks this guard was written for are caught', () => {
  assert.equal(
    scanLog(LEAKED_CATALOG).map((f) => f.pattern),
    ['SQL with a literal'],
  );
  const registration = scanLog(LEAKED_REGISTRATION).map((f) => f.pattern);
  for (const pattern of [
    'national ID (12 digits)',
    'mobile phone',
    'date (birth date?)',
    'SQL insert',
    'SQL values list',
  ])
    assert.ok(registration.includes(pattern), `${pattern} not found in ${registration}`);
  assert.ok(scanLog(LEAKED_TOKEN_CHECK).some((f) => f.pattern === '64-hex hash (a token hash?)'));
  assert.ok(scanLog('GET /trpc/auth.me authorization: Bearer pca_abcdefghijkl').length >= 2);
  assert.ok(scanLog('error: Key (national_id)=(006090123456) already exists.').length >= 1);
});

test('what logs are meant to carry passes: request lines, error kinds and codes, ids, timestamps', () => {
  const clean = [
    '{"time":"2026-12-02T00:36:37.296Z","level":"info","message":"request","requestId":"d5a03a5e-c37b-4e17-95aa-545966312345","method":"GET","path":"/trpc/classes.catalog","status":500,"ms":170.275509}',
    '{"time":"2026-12-02T00:36:37.296Z","level":"error","message":"procedure failed","requestId":"0b4f1a8e-5c36-4f4b-9a1e-200000000001","path":"enrolment.register","status":500,"error":"DriverException","code":"22021","statement":"pc_3q2-Yk1Xv0b2PZ8mA1jN5sdTUlQ","at":["at Transaction.execute (/work/packages/core/src/sql.ts:91:20)"]}',
    'PolCenter đang chạy tại http://localhost:41234 — dữ liệu: /tmp/polcenter-data-Ab12Cd/pg. Nhấn Ctrl-C để dừng.',
    'Đã nạp dữ liệu mẫu: 57 đơn vị, 5000 người, 12 lớp, 300 lượt học viên, 120 giấy chứng nhận.',
  ].join('\n');
  assert.equal(scanLog(clean), []);
});

test('collectedLog: a test watches exact values too, and fails on a leak', () => {
  const log = collectedLog(['Hoàng Thị Mai']);
  log.write('{"level":"info","message":"request","path":"/trpc/enrolment.register"}\n');
  log.assertClean();
  assert.is(log.entries()[0]?.path, '/trpc/enrolment.register');
  log.write('{"level":"error","error":"person Hoàng Thị Mai"}');
  assert.throws(() => log.assertClean(), /watched value/);
});

test.run();
