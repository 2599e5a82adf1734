import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ANNOTATION_KEY_ORDER } from '../../core/annotations/sidecarNodes';
import { parseSidecar } from '../../core/annotations/sidecarYaml';
import { checkSchema } from './schemaCheck';

const repo = path.resolve(__dirname, '../../../..');
const schema = JSON.parse(fs.readFileSync(path.join(repo, 'schemas/annotations.schema.json'), 'utf8')) as Record<string, any>;
const sidecars = ['test-fixtures/annotations/story.txt.annotations.yaml', 'test-fixtures/annotations/commented.txt.annotations.yaml'];

describe('annotations JSON schema', () => {
  for (const file of sidecars) {
    it(`accepts ${path.basename(file)}, which the parser accepts`, () => {
      const text = fs.readFileSync(path.join(repo, file), 'utf8');
      assert.deepEqual(parseSidecar(text).problems, []);
      assert.deepEqual(checkSchema(schema, parse(text)), []);
    });
  }

  it('rejects what the parser rejects: wrong types, missing fields, bad enums, a here-rejection without anchor', () => {
    const text = fs.readFileSync(path.join(repo, sidecars[1]!), 'utf8');
    const broken = [
      text.replace('type: person', 'type: 7'),
      text.replace('    quote: Mohamed Ali Alhakim\n', ''),
      text.replace('start: 502', 'start: -1'),
      text.replace('scope: everywhere', 'scope: somewhere'),
      text.replace('scope: everywhere', 'scope: here'),
      text.replace('dossier: 1', 'dossier: 2'),
    ];
    for (const b of broken) {
      assert.equal(parseSidecar(b).value.writable, false);
      assert.notDeepEqual(checkSchema(schema, parse(b)), [], 'the schema accepted a sidecar the parser refuses');
    }
  });

  it('describes exactly the annotation keys the writer writes', () => {
    assert.deepEqual(Object.keys(schema['definitions'].annotation.properties).sort(), [...ANNOTATION_KEY_ORDER].sort());
  });
});
