import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  attendanceMarkInput,
  certificateIssueInput,
  classNotRunningError,
  enrolmentListInput,
  enrolmentNotFoundError,
  notSeatedError,
} from './enrolment-inputs.js';
import { ERROR_KINDS } from './errors.js';

const id = '0b6f3c1e-7a52-4c55-9d8e-3f1a2b4c5d6e';

test('list input: a default page size, states from the list only', () => {
  assert.equal(enrolmentListInput.parse({ classId: id }), { classId: id, limit: 20 });
  assert.not.ok(enrolmentListInput.safeParse({ classId: id, states: ['graduated'] }).success);
  assert.not.ok(enrolmentListInput.safeParse({ classId: id, states: [] }).success);
});

test('one mark and a certificate issue take real ids, marks and dates', () => {
  assert.ok(attendanceMarkInput.safeParse({ sessionId: id, enrolmentId: id, mark: 'excused' }).success);
  assert.not.ok(attendanceMarkInput.safeParse({ sessionId: id, enrolmentId: id, mark: 'late' }).success);
  assert.equal(certificateIssueInput.parse({ enrolmentId: id, issuedOn: '20/03/2026' }), {
    enrolmentId: id,
    issuedOn: '2026-03-20',
  });
  assert.not.ok(certificateIssueInput.safeParse({ enrolmentId: id, issuedOn: '31/02/2026' }).success);
});

test('refusals carry registered codes and both languages', () => {
  for (const error of [enrolmentNotFoundError(id), notSeatedError('waitlisted'), classNotRunningError('open')]) {
    assert.ok(error.code in ERROR_KINDS);
    assert.ok(error.text.vi && error.text.en);
  }
  assert.is(notSeatedError('waitlisted').text.vi, 'Học viên không có chỗ trong lớp (trạng thái: danh sách chờ).');
  assert.is(enrolmentNotFoundError(id).kind, 'not_found');
});

test.run();
