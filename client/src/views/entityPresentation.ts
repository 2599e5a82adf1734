import type { TreeEntityType } from '../../../server/src/protocol';
import type { ItemIcon } from './treeItemData';

/** The fixed order of the type groups. */
export const ENTITY_TYPE_ORDER: readonly TreeEntityType[] = ['person', 'organization', 'location', 'misc'];

/** Group label (plural) and item label (singular) of each entity type. */
export const ENTITY_TYPE_LABELS: Readonly<Record<TreeEntityType, { readonly group: string; readonly one: string }>> = {
  person: { group: 'People', one: 'Person' },
  organization: { group: 'Organizations', one: 'Organization' },
  location: { group: 'Places', one: 'Place' },
  misc: { group: 'Other', one: 'Other' },
};

const TYPE_ICONS: Readonly<Record<TreeEntityType, string>> = {
  person: 'person',
  organization: 'organization',
  location: 'location',
  misc: 'symbol-misc',
};

/** The ThemeIcon of an entity type. */
export function entityTypeIcon(type: TreeEntityType): ItemIcon {
  return { id: TYPE_ICONS[type] ?? 'symbol-misc' };
}

/** The icon of an analyst-confirmed entity: a badge instead of the type icon. */
export const CONFIRMED_ICON: ItemIcon = { id: 'verified-filled', color: 'charts.green' };

/** The ThemeIcon of an annotation type (entity types, the default types, anything else). */
export function annotationTypeIcon(type: string): ItemIcon {
  switch (type) {
    case 'person':
      return { id: 'person' };
    case 'organization':
      return { id: 'organization' };
    case 'location':
    case 'place':
      return { id: 'location' };
    case 'group':
      return { id: 'people' };
    case 'event':
      return { id: 'calendar' };
    case 'claim':
      return { id: 'comment-discussion' };
    case 'note':
      return { id: 'note' };
    default:
      return { id: 'tag' };
  }
}
