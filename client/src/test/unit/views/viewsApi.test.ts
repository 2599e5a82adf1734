import * as assert from 'node:assert/strict';
import { AnnotationsTreeRequest, EntitiesTreeRequest, TimelineTreeRequest } from '../../../../../server/src/protocol';
import { AnnotationsModel } from '../../../views/annotationsModel';
import { EntitiesModel } from '../../../views/entitiesModel';
import { articleUriOf, entityOf, nameOf, selectedEntities } from '../../../views/nodeRefs';
import { TimelineModel } from '../../../views/timelineModel';
import { createViewsApi } from '../../../views/viewsApi';
import { FakeServer } from './fakeServer';

function setup(beforeRead?: (view: string) => Promise<void>) {
  const server = new FakeServer()
    .on(EntitiesTreeRequest, () => ({
      articleCount: 1,
      indexReady: true,
      groups: [{ type: 'location' as const, total: 1, entities: [{ key: 'iran', name: 'Iran', type: 'location' as const, aliases: ['Tehran'], storyCount: 2, mentionCount: 3, confirmed: false, notes: [] }] }],
    }))
    .on(AnnotationsTreeRequest, () => ({ articleCount: 1, indexReady: true, files: [] }))
    .on(TimelineTreeRequest, () => ({ articleCount: 1, indexReady: true, months: [] }));
  const entities = new EntitiesModel(server);
  return createViewsApi({ entities, annotations: new AnnotationsModel(server), timeline: new TimelineModel(server) }, { beforeRead });
}

describe('views API', () => {
  it('renders children as plain data, root and by parent id', async () => {
    const api = setup();
    assert.deepEqual(await api.children('entities'), [
      { id: 'group:location', label: 'Places', description: '1', contextValue: 'entityGroup', collapsible: 'expanded', tooltip: undefined },
    ]);
    const [iran] = await api.children('entities', 'group:location');
    assert.equal(iran!.label, 'Iran');
    assert.equal(iran!.description, '2 stories · 3 mentions');
    assert.deepEqual(await api.children('timeline'), []);
    await assert.rejects(api.children('entities', 'entity:nope'), /no node entity:nope/);
  });

  it('lets held-back changes apply before a view is read', async () => {
    const read: string[] = [];
    const api = setup(async (view) => void read.push(view));
    await api.children('timeline');
    await api.children('entities');
    assert.deepEqual(read, ['timeline', 'entities']);
  });

  it('resolves the entity, name and article behind nodes for the commands', async () => {
    const api = setup();
    await api.children('entities', undefined);
    await api.children('entities', 'group:location');
    const node = api.node('entities', 'entity:iran');
    assert.deepEqual(entityOf(node), { key: 'iran', name: 'Iran', type: 'location' });
    assert.equal(nameOf(node), 'Iran');
    assert.equal(articleUriOf(node), undefined);
    assert.deepEqual(entityOf({ key: 'k' }), { key: 'k', name: 'k' });
    assert.equal(entityOf(api.node('entities', 'group:location')), undefined);
    assert.deepEqual(selectedEntities(node, [node, node]).map((e) => e.key), ['iran']);
    assert.deepEqual(selectedEntities(node, undefined).map((e) => e.key), ['iran']);
  });
});
