import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { z } from 'zod';
import { type DomainError, parseInput } from './errors.js';

const capacity = z.object({ capacity: z.number().int(), code: z.string(), sessions: z.array(z.string()) });

const refusal = (input: unknown): Record<string, string> => {
  try {
    parseInput(capacity, input);
  } catch (error) {
    return Object.fromEntries((error as DomainError).fields.map((f) => [f.field, f.message.vi]));
  }
  throw new Error('accepted');
};

test('a value of the wrong type is said to be of the wrong type, not missing', () => {
  assert.equal(refusal({ capacity: '30', code: 7, sessions: 'a' }), {
    capacity: 'Sai kiểu dữ liệu: cần một số.',
    code: 'Sai kiểu dữ liệu: cần một chuỗi ký tự.',
    sessions: 'Sai kiểu dữ liệu: cần một danh sách ([…]).',
  });
});

test('a field left out, or sent as null, is required', () => {
  assert.equal(refusal({ capacity: null, sessions: [] }), {
    capacity: 'Bắt buộc phải có.',
    code: 'Bắt buộc phải có.',
  });
});

test('a list or nothing where an object belongs', () => {
  assert.equal(refusal([1, 2]), { '(input)': 'Sai kiểu dữ liệu: cần một đối tượng JSON ({…}).' });
  assert.equal(refusal(undefined), { '(input)': 'Bắt buộc phải có.' });
});

test.run();
