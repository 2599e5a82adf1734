import type { ServerCapabilities } from 'vscode-languageserver';
import type { Services } from './services';

/**
 * One language feature's glue: registers its handlers on the connection and
 * returns the capabilities it contributes to the initialize result.
 */
export type Feature = (services: Services) => ServerCapabilities;
