/**
 * The shipped tagger model (data/tagger/weights.json, CC BY-SA 4.0: see the
 * README and LICENSES next to it), decoded once per process.
 */
import type { Result } from '../../text/problem';
import weights from '../data/tagger/weights.json';
import type { TaggerModel } from './tagger';
import { decodeModel, type EncodedModel } from './weightsCodec';

let cached: Result<TaggerModel> | undefined;

/** The shipped model; a damaged file yields an all-zero model (rules still work) and a problem. */
export function defaultTaggerModel(): Result<TaggerModel> {
  cached ??= decodeModel(weights as unknown as EncodedModel);
  return cached;
}
