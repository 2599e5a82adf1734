import * as assert from 'node:assert/strict';
import { escapeMarkdown, escapeMarkdownLines, markdownLink, safeLinkDestination } from '../../core/features/escapeMarkdown';

describe('escapeMarkdown', () => {
  it('escapes every ASCII punctuation so no construct can form', () => {
    assert.equal(escapeMarkdown('[x](command:evil)'), '\\[x\\]\\(command\\:evil\\)');
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    assert.equal(escapeMarkdown('`code` *b* _i_ # h | t |'), '\\`code\\` \\*b\\* \\_i\\_ \\# h \\| t \\|');
    assert.equal(escapeMarkdown('&lt; https://x.example www.x.example'), '\\&lt\\; https\\:\\/\\/x\\.example www\\.x\\.example');
    assert.equal(escapeMarkdown('a\\b'), 'a\\\\b');
  });

  it('puts everything on one line and drops invisible and bidi characters', () => {
    assert.equal(escapeMarkdown('one\ntwo\r\n\r\n  three\tfour\u2028five'), 'one two three four five');
    assert.equal(escapeMarkdown('\u202etxt.exe\u202c\u200b\u0000ok'), 'txt\\.exeok');
    assert.equal(escapeMarkdown('    indented code'), 'indented code');
  });

  it('leaves letters, digits and non-ASCII punctuation alone', () => {
    assert.equal(escapeMarkdown('Pakistan’s “deep concerns” — Ä é 2024'), 'Pakistan’s “deep concerns” — Ä é 2024');
  });

  it('shortens on the raw text and ends with an ellipsis', () => {
    assert.equal(escapeMarkdown('abcdefghij', 5), 'abcd\u2026');
    assert.equal(escapeMarkdown('a.b.c.d.e', 4), 'a\\.b\u2026');
    assert.equal(escapeMarkdown('ab\ud83d\ude00cd', 4), 'ab\u2026');
  });

  it('keeps the lines and paragraphs of a note, each line escaped as a whole', () => {
    // Lines of a paragraph end in a hard break (a backslash); a blank line starts a new paragraph.
    assert.equal(escapeMarkdownLines('First line.\nSecond line.\r\n\r\n  Third: [x](command:evil)'), 'First line\\.\\\nSecond line\\.\n\nThird\\: \\[x\\]\\(command\\:evil\\)');
    // No line can start a block: headings, lists, quotes, code blocks, setext underlines stay text.
    assert.equal(escapeMarkdownLines('# h\n- item\n> quote\n    code\n==='), '\\# h\\\n\\- item\\\n\\> quote\\\ncode\\\n\\=\\=\\=');
    assert.equal(escapeMarkdownLines('\n\n  \n'), '');
  });

  it('shortens a note on its raw text, lines kept', () => {
    assert.equal(escapeMarkdownLines('abc\ndefghij', 6), 'abc\\\nd\u2026');
  });

  it('accepts only safe link schemes and encodes what could break out of a destination', () => {
    assert.equal(safeLinkDestination('command:workbench.action.terminal.new'), undefined);
    assert.equal(safeLinkDestination('javascript:alert(1)'), undefined);
    assert.equal(safeLinkDestination('file:///a/b (1).article#L3'), 'file:///a/b%20%281%29.article#L3');
    assert.equal(markdownLink('Head [line]', 'command:x'), 'Head \\[line\\]');
    assert.equal(markdownLink('Head', 'file:///a.article#L2'), '[Head](file:///a.article#L2)');
  });
});
