import * as vscode from 'vscode';
import { MergeEntitiesRequest, RenameEntityRequest, type EntityEditResult } from '../../../server/src/protocol';
import type { ServerApi } from '../serverApi';
import { plural } from './format';
import { entityOf, selectedEntities, type EntityRef } from './nodeRefs';
import type { EntitiesModel } from './entitiesModel';

/** Options for running Rename from code (tests, other commands) without prompts. */
export interface RenameOptions {
  readonly newName: string;
  /** Skip the modal confirmation. */
  readonly skipConfirmation?: boolean;
}

/** Options for running Merge from code without prompts. */
export interface MergeOptions {
  /** Keys of the entities that disappear. */
  readonly sources: readonly string[];
  /** Key of the entity that stays. */
  readonly target: string;
  readonly skipConfirmation?: boolean;
}

/** What the entity edit commands need. */
export interface EntityEditContext {
  readonly server: ServerApi;
  readonly entities: EntitiesModel;
  readonly log: vscode.LogOutputChannel;
  /** Called after an edit was applied (the views refresh). */
  readonly afterEdit: () => Promise<void>;
}

/** "N annotation links in M sidecar files" */
function describe(r: EntityEditResult): string {
  return `${plural(r.annotations, 'annotation link', 'annotation links')} in ${plural(r.files, 'sidecar file', 'sidecar files')}`;
}

function skippedNote(r: EntityEditResult): string {
  if (!r.skipped.length) return '';
  const names = r.skipped.map((s) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri))} (${s.reason})`).join('; ');
  return ` ${plural(r.skipped.length, 'sidecar is', 'sidecars are')} left untouched: ${names}.`;
}

/**
 * Dry run, confirmation with the count, then the edit. Returns the applied
 * result; the dry run's (not applied) when nothing would change, so a caller
 * still learns which sidecars were skipped; undefined when cancelled.
 */
async function confirmAndApply(
  ctx: EntityEditContext,
  run: (dryRun: boolean) => Promise<EntityEditResult>,
  question: string,
  action: string,
  nothingMessage: string,
  skipConfirmation: boolean,
): Promise<EntityEditResult | undefined> {
  const preview = await run(true);
  if (preview.annotations === 0) {
    void vscode.window.showInformationMessage(`${nothingMessage}${skippedNote(preview)}`);
    return preview;
  }
  if (!skipConfirmation) {
    const answer = await vscode.window.showWarningMessage(
      question,
      { modal: true, detail: `This changes ${describe(preview)}.${skippedNote(preview)}` },
      action,
    );
    if (answer !== action) return undefined;
  }
  const result = await run(false);
  ctx.log.info(`${action}: changed ${describe(result)}${result.skipped.length ? `; skipped ${result.skipped.length}` : ''}`);
  await ctx.afterEdit();
  const message = `${action}: changed ${describe(result)}.${skippedNote(result)}`;
  if (result.skipped.length) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  return result;
}

/** Dossier: Rename Entity… — rewrites every sidecar link to the entity. */
export async function renameEntity(ctx: EntityEditContext, target: unknown, second?: unknown): Promise<EntityEditResult | undefined> {
  const entity = entityOf(target);
  if (!entity) {
    void vscode.window.showInformationMessage('Select an entity in the Dossier Entities view to rename it.');
    return undefined;
  }
  const options = isRenameOptions(second) ? second : undefined;
  const newName =
    options?.newName ??
    (await vscode.window.showInputBox({
      title: `Rename “${entity.name}”`,
      prompt: 'The new canonical name; every annotation linked to the entity will use it.',
      value: entity.name,
      valueSelection: [0, entity.name.length],
      validateInput: (v) => (v.trim() === '' ? 'The name cannot be empty.' : undefined),
    }));
  const name = newName?.trim();
  if (!name || name === entity.name) return undefined;
  return confirmAndApply(
    ctx,
    (dryRun) => ctx.server.request(RenameEntityRequest, { key: entity.key, newName: name, dryRun }),
    `Rename “${entity.name}” to “${name}”?`,
    'Rename',
    `No annotation links to “${entity.name}” yet, so there is nothing to rename. Link its mentions first (Dossier: Link to Entity…).`,
    options?.skipConfirmation === true,
  );
}

/** Dossier: Merge Entities… — links every annotation of the merged entities to the one that stays. */
export async function mergeEntities(ctx: EntityEditContext, clicked: unknown, second?: unknown): Promise<EntityEditResult | undefined> {
  let sources: EntityRef[];
  let into: EntityRef | undefined;
  let skipConfirmation = false;
  if (isMergeOptions(second)) {
    const known = ctx.entities.listedEntities();
    const ref = (key: string): EntityRef => {
      const e = known.find((k) => k.key === key);
      return e ? { key, name: e.name, type: e.type } : { key, name: key };
    };
    sources = second.sources.map(ref);
    into = ref(second.target);
    skipConfirmation = second.skipConfirmation === true;
  } else {
    const picked = selectedEntities(clicked, second);
    if (!picked.length) {
      void vscode.window.showInformationMessage('Select entities in the Dossier Entities view to merge them.');
      return undefined;
    }
    if (picked.length >= 2) {
      const choice = await vscode.window.showQuickPick(
        picked.map((e) => ({ label: e.name, description: e.key, entity: e })),
        { title: 'Merge entities', placeHolder: 'Which entity stays? The others are merged into it.' },
      );
      if (!choice) return undefined;
      into = choice.entity;
      sources = picked.filter((e) => e.key !== choice.entity.key);
    } else {
      into = picked[0]!;
      const target = into;
      const others = ctx.entities
        .listedEntities()
        .filter((e) => e.key !== target.key)
        .sort((a, b) => Number(b.type === target.type) - Number(a.type === target.type));
      const chosen = await vscode.window.showQuickPick(
        others.map((e) => ({
          label: e.name,
          description: `${e.storyCount} stories`,
          detail: e.aliases.length ? `also ${e.aliases.slice(0, 5).join(', ')}` : undefined,
          entity: { key: e.key, name: e.name, type: e.type } as EntityRef,
        })),
        { title: `Merge into “${target.name}”`, placeHolder: 'Choose the entities to merge into it', canPickMany: true, matchOnDetail: true },
      );
      if (!chosen?.length) return undefined;
      sources = chosen.map((c) => c.entity);
    }
  }
  const target = into;
  if (!target || !sources.length) return undefined;
  const names = sources.map((s) => `“${s.name}”`).join(', ');
  return confirmAndApply(
    ctx,
    (dryRun) => ctx.server.request(MergeEntitiesRequest, { sources: sources.map((s) => s.key), target: target.key, dryRun }),
    `Merge ${names} into “${target.name}”?`,
    'Merge',
    `No annotation links to ${names} yet, so there is nothing to merge. Link their mentions first (Dossier: Link to Entity…).`,
    skipConfirmation,
  );
}

function isRenameOptions(x: unknown): x is RenameOptions {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as RenameOptions).newName === 'string';
}

function isMergeOptions(x: unknown): x is MergeOptions {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Array.isArray((x as MergeOptions).sources) && typeof (x as MergeOptions).target === 'string';
}
