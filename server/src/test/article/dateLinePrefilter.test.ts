import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mayOpenWithFillerOrMonth, opensWithFillerOrMonth, readDateLine, readDateLineByPatterns, readPlainDateLine } from '../../core/article/dateLines';

/** The words a date line may open with (filler and months), and a few it may not. */
const WORDS = ['last updated', 'updated', 'published', 'posted', 'modified', 'dated', 'date', 'created', 'first published',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'at', 'on', 'the', 'and', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'sept',
  'october', 'november', 'december', 'gmt', 'utc', 'ist', 'pkt', 'est', 't10:30', 'x', 'ab'];

/** Every line of the sample articles, trimmed. */
function sampleLines(): string[] {
  const lines: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else for (const l of fs.readFileSync(p, 'utf8').split(/\r\n|\r|\n/)) lines.push(l.trim());
    }
  };
  walk(path.join(__dirname, '../../../../test-fixtures/articles'));
  return lines;
}

describe('date line prefilter', () => {
  it('lets through every date line opening the filler or month regexes accept', () => {
    // Every first letter and every second ASCII code unit (and some beyond: Latin-1 letters, the long s,
    // the Kelvin sign, dashes, which case-insensitive patterns must not take for ASCII letters), each
    // followed by the rest of every word in upper, lower and title case, and a date.
    const seconds: number[] = [];
    for (let c = 0; c < 0x80; c++) seconds.push(c);
    seconds.push(0xa0, 0xc0, 0xc9, 0xdf, 0xe0, 0xe9, 0xff, 0x130, 0x131, 0x17f, 0x2013, 0x2014, 0x2022, 0x212a);
    let accepted = 0;
    for (let c0 = 65; c0 <= 122; c0++) {
      if (c0 > 90 && c0 < 97) continue;
      for (const c1 of seconds) {
        const head = String.fromCharCode(c0, c1);
        for (const w of WORDS) {
          for (const rest of [w.slice(2), w.slice(2).toUpperCase(), '']) {
            const line = `${head}${rest} 10 January 2024`;
            const regex = opensWithFillerOrMonth(line);
            if (regex) accepted++;
            if (regex && !mayOpenWithFillerOrMonth(c0, c1)) assert.fail(`the prefilter rejects "${line}"`);
          }
        }
      }
    }
    assert.ok(accepted > 10_000, `only ${accepted} lines accepted by the regexes: the test lost its teeth`);
  });

  it('lets through the sample articles\' lines that open like date lines', () => {
    const lines = sampleLines();
    assert.ok(lines.length > 500);
    let opened = 0;
    for (const line of lines) {
      if (line.length < 2) continue;
      const c0 = line.charCodeAt(0);
      if (!((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122))) continue;
      if (opensWithFillerOrMonth(line)) { opened++; assert.ok(mayOpenWithFillerOrMonth(c0, line.charCodeAt(1)), line); }
    }
    assert.ok(opened > 20);
    assert.deepEqual(readDateLine('Updated 6 August 2016'), { kind: 'absolute', iso: '2016-08-06', index: 8, length: 13 });
    assert.equal(readDateLine('Theresa May said on 10 January 2020'), undefined);
  });

  it('reads plain date lines by char codes as the patterns read them', () => {
    const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
      'january', 'MAY', 'Sept', 'Sep', 'Jan', 'Augus', 'Mayy', 'Ma', ''];
    const days = ['', '0', '00', '1', '01', '9', '09', '10', '29', '30', '31', '32', '99', '123', 'x', '1st', '2nd'];
    const years = ['2016', '2024', '2000', '1900', '2100', '1000', '0999', '0000', '9999', '20166', '201', '201x'];
    let plain = 0;
    let lines = 0;
    for (const label of ['Updated', 'Published', 'updated', 'Posted', 'Updated:', 'Published on', 'Update']) {
      for (const day of days) {
        for (const month of months) {
          for (const year of years) {
            for (const line of [`${label} ${day} ${month} ${year}`, `${label}  ${day} ${month} ${year}`, `${label} ${day} ${month}  ${year}`,
              `${label} ${day} ${month}, ${year}`, `${label} ${day} ${month} ${year}.`, `${label} ${day} ${month}. ${year}`, `${label} ${day}${month} ${year}`]) {
              if (line.length < 6 || line.length > 110) continue;
              lines++;
              if (readPlainDateLine(line) !== undefined) plain++;
              assert.deepEqual(readDateLine(line), readDateLineByPatterns(line), line);
            }
          }
        }
      }
    }
    assert.ok(plain > 2000 && lines > 50_000, `${plain} of ${lines} lines read by char codes: the test lost its teeth`);
    for (const line of sampleLines()) {
      if (line.length >= 6 && line.length <= 110) assert.deepEqual(readDateLine(line), readDateLineByPatterns(line), line);
    }
    assert.deepEqual(readPlainDateLine('Updated 31 February 2024'), { kind: 'invalid', index: 8, length: 16 });
  });
});
