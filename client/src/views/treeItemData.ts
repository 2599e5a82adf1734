/**
 * What a tree node looks like, as plain data: the pure models produce it and
 * the thin VS Code provider turns it into a `TreeItem`. Keeping it plain lets
 * the models be tested without an editor and lets tests read the tree.
 */

/** A command a tree item runs when clicked. */
export interface ItemCommand {
  readonly command: string;
  readonly title: string;
  readonly arguments?: readonly unknown[];
}

/** A codicon (ThemeIcon) id, optionally tinted with a theme colour id. */
export interface ItemIcon {
  readonly id: string;
  readonly color?: string;
}

/** Whether a node can be expanded, and how it starts. */
export type Collapsible = 'none' | 'collapsed' | 'expanded';

/** The rendering of one tree node. */
export interface TreeItemData {
  /** Stable across refreshes, so VS Code keeps the node's expansion and selection. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Markdown, already escaped where it quotes article text (see `markdown.ts`). */
  readonly tooltip?: string;
  readonly icon?: ItemIcon;
  readonly collapsible: Collapsible;
  /** Matched by `viewItem == …` in package.json menus. */
  readonly contextValue?: string;
  readonly command?: ItemCommand;
  /** The article a node stands for (file nodes): gives the file icon and "Reveal in Explorer". */
  readonly resourceUri?: string;
}

/** A node as the tree holds it: its rendering, the data behind it, and its parent. */
export interface ViewNode<D = unknown> {
  readonly id: string;
  item: TreeItemData;
  /** The server data the node was made from (an entity, a story, an annotation…). */
  data: D;
  parent: ViewNode | undefined;
}

/** The node shape tests and the extension API read: the rendering without the data. */
export interface PlainTreeItem {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  readonly collapsible: Collapsible;
  readonly tooltip?: string;
}

/** Renders a node to the plain shape. */
export function toPlain(node: ViewNode): PlainTreeItem {
  const { id, label, description, contextValue, collapsible, tooltip } = node.item;
  return { id, label, description, contextValue, collapsible, tooltip };
}
