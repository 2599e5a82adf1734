import * as vscode from 'vscode';
import type { TreeModel } from './treeModel';
import type { TreeItemData, ViewNode } from './treeItemData';

/** Turns a node's plain rendering into a `TreeItem`. */
export function toTreeItem(item: TreeItemData): vscode.TreeItem {
  const state =
    item.collapsible === 'expanded'
      ? vscode.TreeItemCollapsibleState.Expanded
      : item.collapsible === 'collapsed'
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
  const t = new vscode.TreeItem(item.label, state);
  t.id = item.id;
  t.description = item.description;
  if (item.tooltip) {
    // Untrusted: article text is in there (escaped), and no command links are wanted.
    const md = new vscode.MarkdownString(item.tooltip, false);
    md.isTrusted = false;
    md.supportHtml = false;
    t.tooltip = md;
  }
  if (item.icon) {
    t.iconPath =
      item.icon.id === 'file' ? vscode.ThemeIcon.File : new vscode.ThemeIcon(item.icon.id, item.icon.color ? new vscode.ThemeColor(item.icon.color) : undefined);
  }
  t.contextValue = item.contextValue;
  if (item.resourceUri) t.resourceUri = vscode.Uri.parse(item.resourceUri);
  if (item.command) t.command = { command: item.command.command, title: item.command.title, arguments: item.command.arguments ? [...item.command.arguments] : undefined };
  return t;
}

/**
 * The thin VS Code side of a tree: everything it shows comes from the pure
 * model; it only translates items and change events, and never lets a failed
 * request break the view (it logs and shows nothing).
 */
export class ModelTreeProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ViewNode | ViewNode[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: { dispose(): void };

  constructor(
    private readonly model: TreeModel,
    private readonly log: vscode.LogOutputChannel,
    private readonly afterRootLoad: () => void,
  ) {
    this.subscription = model.onDidChange((nodes) => {
      this.emitter.fire(nodes ? [...nodes] : undefined);
      this.afterRootLoad();
    });
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    return toTreeItem(node.item);
  }

  async getChildren(node?: ViewNode): Promise<ViewNode[]> {
    try {
      return [...(await this.model.children(node))];
    } catch (err) {
      this.log.warn(`Dossier ${this.model.viewId}: could not load ${node ? node.id : 'the tree'}: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    } finally {
      if (!node) this.afterRootLoad();
    }
  }

  getParent(node: ViewNode): ViewNode | undefined {
    return node.parent;
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
