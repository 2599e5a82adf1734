import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EntityEditResult } from '../../../../server/src/protocol';
import type { DossierApi } from '../../extension';
import type { PlainTreeItem } from '../../views/treeItemData';
import { activateDossier, openArticle, waitFor, workspaceFile } from './helpers';

const KAKAR_ARTICLE = 'standoff/arab-news-restore-ties.article';

/** A sidecar linking annotations to entities by name; the anchors only need to be well-formed here. */
function sidecar(links: ReadonlyArray<readonly [id: string, entity: string]>): string {
  return [
    '# written by the views integration test',
    'dossier: 1',
    'annotations:',
    ...links.flatMap(([id, entity], i) => [
      `  - id: ${id}`,
      '    type: person',
      `    quote: ${entity}`,
      `    entity: ${entity}`,
      '    note: linked by the test',
      '    created: 2024-01-20T10:00:00.000Z',
      '    updated: 2024-01-20T10:00:00.000Z',
      '    anchor:',
      '      prefix: ""',
      '      suffix: ""',
      `      start: ${i * 10}`,
      `      end: ${i * 10 + 5}`,
    ]),
    '',
  ].join('\n');
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

function find(items: PlainTreeItem[], label: string): PlainTreeItem {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no "${label}" among ${items.map((i) => i.label).join(', ')}`);
  return item;
}

describe('Dossier tree views in the editor', () => {
  let api: DossierApi;

  before(async () => {
    api = await activateDossier();
    await waitFor(async () => (await api.status()).indexReady, 'the workspace index', 60_000);
  });

  it('shows Iran and Pakistan with their story counts, and Kakar with his aliases', async () => {
    await api.views.refresh('entities');
    const groups = await api.views.children('entities');
    assert.deepEqual(groups.map((g) => g.label).slice(0, 3), ['People', 'Organizations', 'Places']);
    const places = await api.views.children('entities', 'group:location');
    for (const name of ['Iran', 'Pakistan']) {
      const item = find(places, name);
      const m = /^(\d+) stories · (\d+) mentions/.exec(item.description ?? '');
      assert.ok(m, `${name}: ${item.description}`);
      assert.ok(Number(m[1]) >= 5, `${name} is in ${m[1]} stories`);
      assert.equal(item.contextValue, 'entity');
    }
    const people = await api.views.children('entities', 'group:person');
    const kakar = find(people, 'Anwaar-ul-Haq Kakar');
    assert.match(kakar.tooltip ?? '', /Also: .*Kakar/);
  });

  it('sorts and filters the Entities view', async () => {
    try {
      await api.views.entities.setSort('name');
      const names = (await api.views.children('entities', 'group:location')).map((i) => i.label);
      assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
      await api.views.entities.setFilter('kakar');
      const groups = await api.views.children('entities');
      assert.deepEqual(groups.map((g) => g.id), ['group:person']);
      assert.ok((await api.views.children('entities', 'group:person')).some((e) => e.label === 'Anwaar-ul-Haq Kakar'));
      await api.views.entities.setFilter('no such entity anywhere');
      assert.deepEqual(await api.views.children('entities'), []);
    } finally {
      await api.views.entities.clearFilter();
      await api.views.entities.setSort('count');
    }
    assert.ok((await api.views.children('entities')).length >= 3);
  });

  it('expands an entity into its stories, newest first, and reveals a mention in the editor', async () => {
    const places = await api.views.children('entities', 'group:location');
    const iran = find(places, 'Iran');
    const stories = await api.views.children('entities', iran.id);
    assert.ok(stories.length >= 2);
    const dates = stories.map((s) => /\d{1,2} \w{3} \d{4}/.exec(s.description ?? '')?.[0]).filter(Boolean).map((d) => Date.parse(d!));
    assert.deepEqual(dates, [...dates].sort((a, b) => b - a), 'newest first');
    const mentions = await api.views.children('entities', stories[0]!.id);
    assert.ok(mentions.length >= 1);
    const node = api.views.node('entities', mentions[0]!.id)!;
    const command = node.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor(() => vscode.window.activeTextEditor, 'an editor');
    assert.match(editor.document.getText(editor.selection), /Iran/);
  });

  it('shows January 2024 in the Timeline with its stories', async () => {
    await api.views.refresh('timeline');
    const months = await api.views.children('timeline');
    const january = find(months, 'January 2024');
    assert.match(january.description ?? '', /\d+ days? · \d+ stor(y|ies)/);
    const days = await api.views.children('timeline', january.id);
    assert.ok(days.length >= 2, days.map((d) => d.label).join(', '));
    assert.ok(days.every((d) => / January 2024$/.test(d.label)));
    const friday = find(days, 'Friday 19 January 2024');
    const items = await api.views.children('timeline', friday.id);
    assert.ok(items.some((i) => i.contextValue === 'story'), 'a story on 19 January');
  });

  it('renames an entity in every sidecar that links to it, after a dry run', async () => {
    const file = workspaceFile(`${KAKAR_ARTICLE}.annotations.yaml`);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(sidecar([['a-t000000001', 'Kakar'], ['a-t000000002', 'Anwaar-ul-Haq Kakar'], ['a-t000000003', 'Jalil Abbas Jilani']])));
    const people = await api.views.children('entities', 'group:person');
    const kakar = api.views.node('entities', find(people, 'Anwaar-ul-Haq Kakar').id);
    const result = await vscode.commands.executeCommand<EntityEditResult | undefined>('dossier.renameEntity', kakar, {
      newName: 'Anwaar-ul-Haq Kakar (caretaker PM)',
      skipConfirmation: true,
    });
    assert.ok(result, 'the rename ran');
    assert.deepEqual([result.applied, result.files, result.annotations, result.skipped.length], [true, 1, 2, 0]);
    const text = await readText(file);
    assert.equal((text.match(/entity: Anwaar-ul-Haq Kakar \(caretaker PM\)/g) ?? []).length, 2, text);
    assert.match(text, /entity: Jalil Abbas Jilani/);
    assert.match(text, /# written by the views integration test/);
  });

  it('merges entities: links to the sources now name the target', async () => {
    const file = workspaceFile('standoff/arab-news-envoys-return.article.annotations.yaml');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(sidecar([['a-m000000001', 'Tehran'], ['a-m000000002', 'Iran']])));
    await api.views.refresh('entities');
    await api.views.children('entities');
    const all = [
      ...(await api.views.children('entities', 'group:location')),
      ...(await api.views.children('entities', 'group:organization').catch(() => [])),
    ];
    const tehran = find(all, 'Tehran');
    const iran = find(all, 'Iran');
    const key = (id: string) => id.replace(/^entity:/, '');
    const result = await vscode.commands.executeCommand<EntityEditResult | undefined>('dossier.mergeEntities', undefined, {
      sources: [key(tehran.id)],
      target: key(iran.id),
      skipConfirmation: true,
    });
    assert.ok(result, 'the merge ran');
    assert.deepEqual([result.applied, result.annotations, result.skipped.length], [true, 1, 0]);
    const text = await readText(file);
    assert.doesNotMatch(text, /entity: Tehran/);
    assert.equal((text.match(/entity: Iran/g) ?? []).length, 2, text);
  });

  it('never writes a sidecar it cannot parse, and reports it', async () => {
    const file = workspaceFile('standoff/al-jazeera-security-review.article.annotations.yaml');
    const broken = 'dossier: 1\nannotations:\n  - id: a-b000000001\n    entity: Kakar\n    quote: [unclosed\n';
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(broken));
    const result = await vscode.commands.executeCommand<EntityEditResult | undefined>(
      'dossier.renameEntity',
      { key: 'anwaar ul haq kakar', name: 'Anwaar-ul-Haq Kakar' },
      { newName: 'A. Kakar', skipConfirmation: true },
    );
    assert.ok(result);
    assert.equal(result.applied, false, 'the only link left is in the broken file: nothing to apply');
    assert.ok(result.skipped.some((s) => s.uri.endsWith('al-jazeera-security-review.article')), JSON.stringify(result.skipped));
    assert.equal(await readText(file), broken);
  });

  it('reads the Annotations view (orphans, if any, in their own group)', async () => {
    await api.views.refresh('annotations');
    const root = await api.views.children('annotations');
    for (const item of root) assert.ok(item.contextValue === 'orphans' || item.contextValue === 'annotationFile', JSON.stringify(item));
    assert.ok(root.findIndex((i) => i.contextValue === 'orphans') <= 0, 'the orphan group comes first');
  });

  it('follows the index: a name typed into an article appears in the tree without a manual refresh', async () => {
    const people = await api.views.children('entities', 'group:person');
    assert.ok(!people.some((e) => /Mehtabuddin/.test(e.label)), 'the name is new to the workspace');
    const editor = await openArticle('standoff/dw-ministers-meet.txt');
    const doc = editor.document;
    const edit = new vscode.WorkspaceEdit();
    const at = doc.positionAt(doc.getText().indexOf('\n\n') + 2);
    edit.insert(doc.uri, at, 'ISLAMABAD: Foreign Minister Zorawar Mehtabuddin urged restraint on Friday, a spokesman said.\n\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await waitFor(async () => {
        for (const group of await api.views.children('entities')) {
          if ((await api.views.children('entities', group.id)).some((e) => /Zorawar Mehtabuddin/.test(e.label))) return true;
        }
        return false;
      }, 'Zorawar Mehtabuddin (a name no fixture has) to appear in the Entities view');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });
});
