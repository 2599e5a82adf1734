import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseArticle } from '../../core/article/parseArticle';
import { createRecognizer } from '../../core/recognize/recognizer';
import { base64Decode, base64Encode, decodeModel, encodeModel } from '../../core/recognize/tagger/weightsCodec';
import { toEvalEntities } from '../../core/recognize/evalFormat';

describe('recognize/recognizer', () => {
  const r = createRecognizer();

  it('returns entities with offsets, types and confidences, and dates resolved against the reference date', () => {
    const text = 'ISLAMABAD: Foreign Minister Shah Mahmood Qureshi spoke with Iraqi counterpart Mohamed Ali Alhakim on Friday.';
    const out = r.recognize(text, { referenceDate: '2020-01-10' });
    const byText = new Map(out.entities.map((m) => [m.text, m]));
    assert.equal(byText.get('Shah Mahmood Qureshi')?.type, 'person');
    assert.equal(byText.get('Mohamed Ali Alhakim')?.type, 'person');
    assert.equal(byText.get('ISLAMABAD')?.type, 'location');
    for (const m of out.entities) {
      assert.equal(text.slice(m.start, m.end), m.text);
      assert.ok(m.confidence > 0 && m.confidence <= 1);
    }
    assert.ok(out.dates.some((d) => d.text.includes('Friday') && d.value === '2020-01-10'));
  });

  it('gives every mention of the sample articles the text between its offsets (the analyzer interns it as it is)', () => {
    const dir = path.resolve(__dirname, '../../../../test-fixtures/articles');
    let checked = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const s of parseArticle(text).value.stories) {
        const story = text.slice(s.start, s.end);
        for (const m of r.recognize(story).entities) {
          assert.equal(m.text, story.slice(m.start, m.end), `${file}: ${m.text} at ${m.start}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 500, `only ${checked} mentions checked`);
  });

  it('restricts results to the given spans', () => {
    const text = 'Imran Khan spoke.\nFollow us on Facebook and Twitter.';
    const out = r.recognize(text, { spans: [{ start: 0, end: 17 }] });
    assert.ok(out.entities.length > 0);
    for (const m of out.entities) assert.ok(m.end <= 17);
  });

  it('gives sensible results on bad input', () => {
    assert.deepEqual(r.recognize('').entities, []);
    assert.ok(Array.isArray(r.recognize('\u0000\u0001\uFFFD\uD800 binary \u0007').entities));
    const crlf = r.recognize('Imran Khan spoke.\r\nKhan left for Lahore.\r\n');
    assert.ok(crlf.entities.some((m) => m.text === 'Khan' && m.type === 'person'));
    const oneLine = 'Imran Khan met Nawaz Sharif in Lahore. '.repeat(5000);
    assert.ok(r.recognize(oneLine).entities.length >= 10000);
    const notText = r.recognize(42 as unknown as string);
    assert.equal(notText.problems[0]?.code, 'recognize.input');
  });

  it('converts mentions for evaluation under both span conventions', () => {
    const text = 'The Foreign Office and Pakistani officials met President Vladimir Putin.';
    const out = r.recognize(text).entities;
    const names = toEvalEntities(out, 'names').map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
    const phrases = toEvalEntities(out, 'meantime').map((e) => `${e.type}:${text.slice(e.start, e.end)}`);
    assert.ok(names.includes('ORG:Foreign Office'));
    assert.ok(names.includes('PER:Vladimir Putin'));
    assert.ok(!names.some((n) => n.endsWith('Pakistani')));
    assert.ok(phrases.includes('ORG:The Foreign Office'));
    assert.ok(phrases.includes('PER:President Vladimir Putin'));
    assert.ok(phrases.includes('LOC:Pakistani'));
    const t2 = 'He met U.S. President Barack Obama and CEO Steve Jobs.';
    const p2 = toEvalEntities(r.recognize(t2).entities, 'meantime').map((e) => `${e.type}:${t2.slice(e.start, e.end)}`);
    assert.ok(p2.includes('PER:U.S. President Barack Obama'), p2.join());
    assert.ok(p2.includes('PER:Steve Jobs'), 'an all-caps title stays outside the phrase');
    const t3 = 'The GAO upheld the protest, and the US economy slowed, the US said.';
    const p3 = toEvalEntities(r.recognize(t3).entities, 'meantime').map((e) => t3.slice(e.start, e.end));
    assert.ok(p3.includes('The GAO'), p3.join());
    assert.ok(p3.includes('US') && p3.includes('the US'), `a name modifying a noun leaves "the" outside: ${p3.join()}`);
  });

  it('round-trips model weights and reports damaged ones', () => {
    const w = new Int8Array(4 * 9);
    w[3] = 5; w[20] = -7; w[35] = 127;
    const enc = encodeModel(w, 2, 0.5);
    const dec = decodeModel(enc);
    assert.deepEqual(dec.problems, []);
    assert.deepEqual(Array.from(dec.value.weights), Array.from(w));
    assert.equal(decodeModel({ ...enc, data: '***' }).problems[0].code, 'recognize.model');
    assert.equal(decodeModel({ ...enc, data: enc.data.slice(0, 2) }).problems.length, 1);
    const bytes = Uint8Array.from([0, 1, 2, 250, 255, 7, 8]);
    for (let n = 0; n <= bytes.length; n++) assert.deepEqual(base64Decode(base64Encode(bytes.subarray(0, n))), bytes.subarray(0, n));
  });
});
