import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  FULL_SCOPE,
  formatTokenScope,
  parseLifetimeDays,
  type TokenScope,
  tokenScope,
  tokenScopeRefusal,
  tokenScopeWithin,
} from './api-tokens.js';

const scope = (text: string) => tokenScope.parse(text) as TokenScope;

test('scopes read as typed on the command line and write back the same way', () => {
  assert.equal(scope('full'), FULL_SCOPE);
  assert.equal(scope(' READ '), { readOnly: true, areas: null });
  assert.equal(scope('enrolment, classes,enrolment'), { readOnly: false, areas: ['classes', 'enrolment'] });
  assert.equal(scope('read:people'), { readOnly: true, areas: ['people'] });
  for (const text of ['full', 'read', 'classes,enrolment', 'read:people'])
    assert.is(formatTokenScope(scope(text)), text);
  assert.not.ok(tokenScope.safeParse('read:').success);
  assert.not.ok(tokenScope.safeParse('everything').success);
});

test('lifetimes: days, weeks, years; anything else is unreadable', () => {
  assert.equal(['90d', '12w', '1y', '30', ' 7 D '].map(parseLifetimeDays), [90, 84, 365, 30, 7]);
  assert.equal(['forever', '-1d', '1m', ''].map(parseLifetimeDays), [null, null, null, null]);
});

test('a scope refuses what lies outside it; who-am-I and signing out are always allowed', () => {
  const read = scope('read');
  assert.is(tokenScopeRefusal(read, 'people.search', 'query'), null);
  assert.is(tokenScopeRefusal(read, 'people.create', 'mutation')?.code, 'AUTH.TOKEN_SCOPE');
  assert.is(tokenScopeRefusal(read, 'auth.signOut', 'mutation'), null);
  const areas = scope('enrolment');
  assert.is(tokenScopeRefusal(areas, 'enrolment.nominate', 'mutation'), null);
  assert.match(tokenScopeRefusal(areas, 'people.search', 'query')?.text.en ?? '', 'not for "people"');
  assert.is(tokenScopeRefusal(areas, 'auth.me', 'query'), null);
  assert.is(tokenScopeRefusal(FULL_SCOPE, 'units.create', 'mutation'), null);
});

test('narrower or equal: fewer areas, or read-only where the other may write', () => {
  const within = (inner: string, outer: string) => tokenScopeWithin(scope(inner), scope(outer));
  assert.ok(within('read', 'full'));
  assert.ok(within('enrolment', 'enrolment,classes'));
  assert.ok(within('read:enrolment', 'enrolment'));
  assert.ok(within('read:enrolment', 'read'));
  assert.ok(within('enrolment', 'enrolment'));
  assert.not.ok(within('full', 'read'));
  assert.not.ok(within('read', 'enrolment'));
  assert.not.ok(within('enrolment', 'read'));
  assert.not.ok(within('enrolment,people', 'enrolment'));
});

test.run();
