import * as assert from 'node:assert/strict';
import { lineStarts, paint, semanticTokens, splitTokensAtLines, type SemanticToken } from '../../core/features/semanticTokens';
import { tokenModifierMask, tokenTypeIndex, TOKEN_LEGEND } from '../../core/features/tokenLegend';
import { A, sampleIndex, TEXT_A } from './sample';

const tok = (start: number, length: number, type: SemanticToken['type'] = 'person'): SemanticToken => ({ start, length, type, modifiers: [] });

describe('semantic tokens', () => {
  it('highlights entities and dates of a document, sorted and without overlaps', () => {
    const index = sampleIndex();
    const tokens = semanticTokens(index, A);
    const seen = tokens.map((t) => [TEXT_A.slice(t.start, t.start + t.length), t.type]);
    assert.deepEqual(seen.slice(0, 7), [
      ['Pakistan', 'location'],
      ['Anwaar-ul-Haq Kakar', 'person'],
      ['on Friday', 'date'],
      ['Iran', 'location'],
      ['Tehran', 'location'],
      ['Kakar', 'person'],
      ['Anwaar-ul-Haq Kakar', 'person'],
    ]);
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i - 1]!.start + tokens[i - 1]!.length <= tokens[i]!.start);
  });

  it('marks confirmed mentions, shows annotations around entities and honours the settings', () => {
    const index = sampleIndex();
    const k = TEXT_A.indexOf('Kakar left');
    index.setAnnotations(A, [{ id: 'a-1', start: k, end: k + 11, type: 'person', entity: 'Anwaar-ul-Haq Kakar', status: 'exact' }]);
    const tokens = semanticTokens(index, A);
    const kakar = tokens.find((t) => t.start === k);
    assert.deepEqual(kakar, { start: k, length: 5, type: 'person', modifiers: ['confirmed'] });
    // The annotated span is wider than the mention: the rest of it is an annotation token.
    assert.deepEqual(tokens.find((t) => t.start === k + 5), { start: k + 5, length: 6, type: 'annotation', modifiers: [] });

    const noPersons = semanticTokens(index, A, { enabled: { person: false, date: false } });
    assert.ok(!noPersons.some((t) => t.type === 'person' || t.type === 'date'));
    assert.ok(noPersons.some((t) => t.type === 'location'));
    // With persons off, the annotation covers its whole span.
    assert.deepEqual(noPersons.find((t) => t.start === k), { start: k, length: 11, type: 'annotation', modifiers: [] });
    assert.deepEqual(semanticTokens(index, 'file:///missing'), []);
  });

  it('paints layers: earlier layers win, later tokens keep their uncovered parts', () => {
    const out = paint([[tok(5, 5), tok(7, 5, 'date')], [tok(0, 20, 'annotation')], [tok(-3, 2), tok(30, 5)]], 25);
    assert.deepEqual(out.map((t) => [t.start, t.length, t.type]), [
      [0, 5, 'annotation'],
      [5, 5, 'person'],
      [10, 2, 'date'],
      [12, 8, 'annotation'],
    ]);
  });

  it('splits tokens at line breaks (LF, CRLF, CR) and drops the breaks', () => {
    const text = 'ab\r\ncd\nef\rgh';
    assert.deepEqual(lineStarts(text), [0, 4, 7, 10]);
    const lines = splitTokensAtLines([tok(1, 10), tok(11, 1, 'date')], lineStarts(text), text);
    assert.deepEqual(lines.map((l) => [l.line, l.character, l.length, l.type]), [
      [0, 1, 1, 'person'],
      [1, 0, 2, 'person'],
      [2, 0, 2, 'person'],
      [3, 0, 1, 'person'],
      [3, 1, 1, 'date'],
    ]);
    assert.deepEqual(splitTokensAtLines([tok(2, 2)], lineStarts(text), text), []);
    assert.deepEqual(lineStarts(''), [0]);
  });

  it('maps kinds and modifiers to legend indexes', () => {
    assert.equal(TOKEN_LEGEND.tokenTypes[tokenTypeIndex('date')], 'dossierDate');
    assert.equal(tokenModifierMask(['confirmed']), 1);
    assert.equal(tokenModifierMask([]), 0);
    assert.ok(TOKEN_LEGEND.tokenTypes.every((t) => t.startsWith('dossier')));
  });
});
