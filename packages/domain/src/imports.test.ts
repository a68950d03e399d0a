import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { exportValue, fromSpreadsheetText, importValue, spreadsheetText } from './imports.js';

test('text a spreadsheet would run as a formula gets an apostrophe, which the import takes off again', () => {
  const risky = ['=HYPERLINK("http://x","bấm")', '+84 912', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', "'=1+1", "''@x"];
  for (const text of risky) {
    const safe = spreadsheetText(text);
    assert.is(safe, `'${text}`);
    assert.is(fromSpreadsheetText(safe), text);
  }
  for (const text of ['Bí thư chi bộ', "Nà P'ài", "'quoted", '1+1', 'a=b', '']) {
    assert.is(spreadsheetText(text), text);
    assert.is(fromSpreadsheetText(text), text);
  }
});

test('codes leave as their Vietnamese names and come back from either', () => {
  const cases = [
    ['gender', 'female', 'Nữ'],
    ['ethnicity', 'tay', 'Tày'],
    ['state', 'nominated', 'Được cử đi học'],
    ['status', 'finished', 'Đã kết thúc'],
    ['mode', 'in_person', 'Trực tiếp'],
    ['classification', 'excellent', 'Giỏi'],
  ] as const;
  for (const [field, code, name] of cases) {
    assert.is(exportValue(field, code), name, field);
    assert.is(importValue(field, name), code, field);
    assert.is(importValue(field, name.toUpperCase()), code, field);
    assert.is(importValue(field, code), code, field);
  }
});

test.run();
