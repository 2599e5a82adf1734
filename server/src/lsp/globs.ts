import { minimatch } from 'minimatch';

/** A compiled list of glob patterns (`dossier.articles.include`). */
export interface Globs {
  matches(relativePath: string): boolean;
}

/** Compiles glob patterns once; matching is against forward-slash relative paths. */
export function compileGlobs(patterns: readonly string[]): Globs {
  const compiled = patterns.filter((p) => typeof p === 'string' && p.trim()).map((p) => new minimatch.Minimatch(p.trim(), { dot: true, nocase: true }));
  return {
    matches: (relativePath) => {
      const p = relativePath.split('\\').join('/');
      return compiled.some((m) => m.match(p));
    },
  };
}
