import type { Connection } from 'vscode-languageserver';
import { compileGlobs, type Globs } from './globs';

/** Entity and date kinds that can be highlighted. */
export type HighlightKind = 'person' | 'organization' | 'location' | 'misc' | 'date' | 'boilerplate' | 'annotation';

/** The `dossier.*` settings the server uses, with their defaults applied. */
export interface DossierSettings {
  readonly articles: { readonly include: readonly string[] };
  readonly highlights: Readonly<Record<HighlightKind, boolean>>;
  readonly hover: { readonly maxStories: number };
}

/** Defaults; they mirror package.json's `contributes.configuration`. */
export const DEFAULT_SETTINGS: DossierSettings = {
  articles: { include: [] },
  highlights: { person: true, organization: true, location: true, misc: true, date: true, boilerplate: true, annotation: true },
  hover: { maxStories: 5 },
};

/**
 * Holds the current settings: pulled from the client on start and again on
 * every change notification. Wrong types in a user's settings fall back to the
 * default for that key instead of breaking a feature.
 */
export class Settings {
  private current: DossierSettings = DEFAULT_SETTINGS;
  private globs: Globs = compileGlobs([]);
  private readonly listeners: Array<(s: DossierSettings) => void> = [];

  constructor(private readonly connection: Connection) {}

  get value(): DossierSettings {
    return this.current;
  }

  get include(): Globs {
    return this.globs;
  }

  /** Calls `listener` after each change of the settings. */
  onDidChange(listener: (s: DossierSettings) => void): void {
    this.listeners.push(listener);
  }

  /** Pulls the `dossier` section from the client (workspace/configuration). */
  async refresh(): Promise<void> {
    let raw: unknown;
    try {
      raw = await this.connection.workspace.getConfiguration('dossier');
    } catch {
      raw = undefined; // a client without workspace/configuration: keep the defaults
    }
    this.current = normalize(raw);
    this.globs = compileGlobs(this.current.articles.include);
    for (const l of this.listeners) l(this.current);
  }
}

function normalize(raw: unknown): DossierSettings {
  const r = (raw ?? {}) as Record<string, any>;
  const include = Array.isArray(r.articles?.include) ? r.articles.include.filter((x: unknown) => typeof x === 'string') : [];
  const h = r.highlights ?? {};
  const highlights = Object.fromEntries(
    (Object.keys(DEFAULT_SETTINGS.highlights) as HighlightKind[]).map((k) => [k, typeof h[k] === 'boolean' ? h[k] : DEFAULT_SETTINGS.highlights[k]]),
  ) as Record<HighlightKind, boolean>;
  const maxStories = Number.isInteger(r.hover?.maxStories) && r.hover.maxStories > 0 ? Math.min(r.hover.maxStories, 50) : DEFAULT_SETTINGS.hover.maxStories;
  return { articles: { include }, highlights, hover: { maxStories } };
}
