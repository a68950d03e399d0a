import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compareVietnamese, compareVietnameseNames, foldDiacritics, matchesSearch } from './vietnamese.js';

test('folding removes tones, vowel marks and the stroke of đ', () => {
  assert.is(foldDiacritics('Nguyễn Văn Đạt'), 'nguyen van dat');
  assert.is(foldDiacritics('  Chợ   Đồn '), 'cho don');
  assert.is(foldDiacritics('Bằng Lũng'), 'bang lung');
});

test('search ignores diacritics and matches word starts', () => {
  assert.ok(matchesSearch('Nguyễn Văn Đạt', 'nguyen van'));
  assert.ok(matchesSearch('Nguyễn Văn Đạt', 'DAT'));
  assert.ok(matchesSearch('Hoàng Thị Mai', 'hoang mai'));
  assert.not.ok(matchesSearch('Hoàng Thị Mai', 'oang'));
});

test('names sort by given name first, the Vietnamese way', () => {
  const names = ['Nông Văn Bình', 'Hoàng Thị Ánh', 'Bàn Văn An', 'Ma Thị Bình'];
  assert.equal([...names].sort(compareVietnameseNames), [
    'Bàn Văn An',
    'Hoàng Thị Ánh',
    'Ma Thị Bình',
    'Nông Văn Bình',
  ]);
});

test('Vietnamese alphabet puts đ after d and ư after u', () => {
  assert.equal(['Đồng Lạc', 'Yên Mỹ', 'Dương', 'Bằng Lũng', 'Bản Thi'].sort(compareVietnamese), [
    'Bản Thi',
    'Bằng Lũng',
    'Dương',
    'Đồng Lạc',
    'Yên Mỹ',
  ]);
});

test.run();
