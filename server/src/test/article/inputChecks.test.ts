import * as assert from 'node:assert/strict';
import { byteStats, SUSPICIOUS_RE } from '../../core/article/inputChecks';

describe('article: input checks', () => {
  it('finds the characters byteStats counts, and only those, at every code unit', () => {
    const counted = /[\x00-\x08\x0e-\x1f\x7f\ufffd]/;
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      assert.equal(SUSPICIOUS_RE.test(ch), counted.test(ch), c.toString(16));
    }
  });

  it('counts NULs, other control characters and replacement characters', () => {
    assert.deepEqual(byteStats('a\x00b\x01\tc\ufffd\x7f\n'), { sampled: 9, nul: 1, control: 2, replacement: 1 });
    assert.deepEqual(byteStats('plain “text”\r\n'), { sampled: 14, nul: 0, control: 0, replacement: 0 });
  });
});
