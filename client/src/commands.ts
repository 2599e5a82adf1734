import * as vscode from 'vscode';

/** A command handler; receives the arguments VS Code passes (menus pass the resource). */
export type CommandHandler = (...args: any[]) => unknown;

/**
 * Registers every command of the one table, so that what package.json
 * contributes and what the extension handles are listed in one place.
 */
export function registerCommands(context: vscode.ExtensionContext, table: Readonly<Record<string, CommandHandler>>): void {
  for (const [id, handler] of Object.entries(table)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  }
}
