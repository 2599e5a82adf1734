import type { Feature } from './feature';
import { codeLensFeature } from './features/codeLens';
import { hoverFeature } from './features/hover';
import { navigationFeature } from './features/navigation';
import { semanticTokensFeature } from './features/semanticTokens';

/** Every language feature's glue, in one table; startServer registers them all. */
export const features: readonly Feature[] = [
  hoverFeature,
  semanticTokensFeature,
  navigationFeature,
  codeLensFeature,
];
