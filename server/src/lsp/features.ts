import type { Feature } from './feature';
import { annotationsFeature } from './features/annotations';
import { codeLensFeature } from './features/codeLens';
import { hoverFeature } from './features/hover';
import { navigationFeature } from './features/navigation';
import { semanticTokensFeature } from './features/semanticTokens';
import { structureFeature } from './features/structure';
import { treeViewsFeature } from './features/treeViews';

/** Every language feature's glue, in one table; startServer registers them all. */
export const features: readonly Feature[] = [
  structureFeature,
  hoverFeature,
  semanticTokensFeature,
  navigationFeature,
  codeLensFeature,
  treeViewsFeature,
  annotationsFeature,
];
