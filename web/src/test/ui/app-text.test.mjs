import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialLanguage, messages, setLanguage, t } from '../../main/ui/lib/i18n.js';
import { courseTime, creditNow, remaining } from '../../main/ui/lib/time.js';

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

test('every UI text exists in English and Korean, with the same placeholders', () => {
  const en = messages.en;
  const ko = messages.ko;
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    assert.equal(placeholders(ko[key]), placeholders(en[key]), `placeholders of ${key}`);
    assert.ok(ko[key].trim().length > 0, key);
  }
});

test('the language comes from the stored choice, else the browser, else English', () => {
  assert.equal(initialLanguage('ko', ['en-US']), 'ko');
  assert.equal(initialLanguage(null, ['ko-KR', 'en']), 'ko');
  assert.equal(initialLanguage(null, ['de-DE', 'en-GB']), 'en');
  assert.equal(initialLanguage('xx', []), 'en');
  setLanguage('ko');
  assert.equal(t('courses.joined', { title: 'Deep Learning' }), 'Deep Learning에 참여했습니다.');
  setLanguage('en');
  assert.equal(t('courses.joined', { title: 'Deep Learning' }), 'You joined Deep Learning.');
});

test('a deadline reads in the course zone, with the student\'s own zone beside when the clocks differ', () => {
  const due = '2026-12-17T14:59:00Z';
  assert.deepEqual(courseTime(due, 'Asia/Seoul', 'Asia/Seoul'), { main: '17 Dec 2026, 23:59 (Asia/Seoul)', own: null });
  assert.equal(courseTime(due, 'Asia/Seoul', 'Europe/Berlin').own, '17 Dec 2026, 15:59 your time');
});

test('the countdown and the credit that applies now follow the late-credit windows', () => {
  const deadline = {
    dueAt: '2026-12-17T15:00:00Z', closesAt: '2026-12-19T15:00:00Z',
    windows: [{ until: '2026-12-17T15:00:00Z', creditPercent: 100 }, { until: '2026-12-18T15:00:00Z', creditPercent: 80 },
      { until: '2026-12-19T15:00:00Z', creditPercent: 50 }],
  };
  const at = (iso) => new Date(iso).getTime();
  assert.equal(remaining(deadline.dueAt, at('2026-12-14T12:00:00Z')), '3 d 3 h');
  assert.equal(remaining(deadline.dueAt, at('2026-12-17T14:58:30Z')), '1 min 30 s');
  assert.equal(remaining(deadline.dueAt, at('2026-12-17T15:00:01Z')), null);
  assert.deepEqual(creditNow(deadline, at('2026-12-17T15:00:00Z')), { percent: 100, until: '2026-12-17T15:00:00Z' });
  assert.deepEqual(creditNow(deadline, at('2026-12-17T15:00:01Z')), { percent: 80, until: '2026-12-18T15:00:00Z' });
  assert.deepEqual(creditNow(deadline, at('2026-12-19T15:00:01Z')), { percent: 0, until: null });
});
