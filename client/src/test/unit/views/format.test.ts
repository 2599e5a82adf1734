import * as assert from 'node:assert/strict';
import { dayLabel, escapeMarkdown, fileName, monthLabel, shortDate, shorten } from '../../../views/format';

describe('view text helpers', () => {
  it('escapes Markdown so article text cannot form links, images, HTML or emphasis', () => {
    const hostile = '[click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold** `code` ![i](http://x)';
    const out = escapeMarkdown(hostile);
    for (const c of ['[', ']', '(', ')', '<', '>', '*', '`', '!']) {
      assert.ok(!new RegExp(`(^|[^\\\\])\\${c}`).test(out), `unescaped ${c} in ${out}`);
    }
    assert.equal(escapeMarkdown('a\nb'), 'a b');
  });

  it('names days and months in English whatever the locale', () => {
    assert.equal(monthLabel('2024-01'), 'January 2024');
    assert.equal(monthLabel('2024-01-19'), 'January 2024');
    assert.equal(dayLabel('2024-01-19'), 'Friday 19 January 2024');
    assert.equal(shortDate('2020-01-10'), '10 Jan 2020');
    assert.equal(dayLabel('garbage'), 'garbage');
    assert.equal(monthLabel('2024-13'), '2024-13');
  });

  it('shortens with an ellipsis and collapses whitespace', () => {
    assert.equal(shorten('a  b\n c', 10), 'a b c');
    assert.equal(shorten('abcdefghijkl', 5), 'abcd…');
  });

  it('takes the decoded file name of a URI', () => {
    assert.equal(fileName('file:///w/dir/a%20b.txt'), 'a b.txt');
    assert.equal(fileName('file:///w/bad%ZZ.txt'), 'bad%ZZ.txt');
  });
});
