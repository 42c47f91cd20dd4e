import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setupToken } from '../../main/ui/lib/session.js';

test('setupToken reads the token of a password setup link', () => {
  assert.equal(setupToken('#password-setup=abc_DEF-123'), 'abc_DEF-123');
});

test('setupToken ignores other fragments and tokens with other characters', () => {
  assert.equal(setupToken(''), null);
  assert.equal(setupToken('#editor'), null);
  assert.equal(setupToken('#password-setup='), null);
  assert.equal(setupToken('#password-setup=abc<script>'), null);
});
