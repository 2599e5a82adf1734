import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenContributions } from '../../core/features/tokenLegend';

describe('semantic token legend', () => {
  it('agrees with package.json contributes (types, modifiers, TextMate scopes)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
      contributes: Record<string, unknown>;
    };
    const expected = tokenContributions();
    assert.deepEqual(pkg.contributes.semanticTokenTypes, expected.semanticTokenTypes);
    assert.deepEqual(pkg.contributes.semanticTokenModifiers, expected.semanticTokenModifiers);
    assert.deepEqual(pkg.contributes.semanticTokenScopes, expected.semanticTokenScopes);
  });

  it('uses prefixed ids, standard super types and scopes for every type', () => {
    const c = tokenContributions();
    const standard = new Set(['namespace', 'class', 'enum', 'interface', 'struct', 'typeParameter', 'type', 'parameter', 'variable', 'property', 'enumMember', 'decorator', 'event', 'function', 'method', 'macro', 'label', 'comment', 'string', 'keyword', 'number', 'regexp', 'operator']);
    for (const t of c.semanticTokenTypes) {
      assert.match(t.id, /^dossier[A-Z]/);
      assert.ok(standard.has(t.superType), t.superType);
      assert.ok((c.semanticTokenScopes[0]?.scopes[t.id] ?? []).length > 0, t.id);
    }
  });
});
