import { rejectedSpans, type SidecarKnowledge } from '../../core/annotations/knowledge';
import type { Sidecar } from '../../core/annotations/model';
import { contentHash } from '../../core/index/contentHash';
import type { AnalyzeDocument, TextAnalysis } from '../../core/index/documentAnalysis';
import type { Recognizer } from '../../core/recognize/recognizer';

/**
 * The recognizer the index's analyzer uses, swapped when the analyst's
 * confirmations and rejections change, and the content hash the index keys
 * its analyses by. The index analyses a content once and keeps the result
 * (in memory, in its recent list and in the cache file) under that hash, so
 * the hash carries a fingerprint of the knowledge: after a change, the same
 * text has a new key and is analysed again, while analyses made with the
 * previous knowledge can never be served for it. Without knowledge the hash is
 * the plain content hash, so a workspace without sidecars keeps its warm cache.
 */
export class KnowledgeSwitch {
  private current: Recognizer;
  private salt = '';
  private fingerprint = '';

  /**
   * @param base the recognizer without analyst knowledge
   * @param sidecarOf the sidecar of an article, for its `here` rejections
   */
  constructor(
    private readonly base: Recognizer,
    private readonly sidecarOf: (uri: string) => Sidecar | undefined,
  ) {
    this.current = base;
  }

  /** The recognizer in force. */
  get recognizer(): Recognizer {
    return this.current;
  }

  /** The index's content hash (see the class comment). */
  readonly hash = (text: string): string => contentHash(text) + this.salt;

  /**
   * Wraps the index's analyzer: mentions the analyst rejected at one place
   * (`scope: here`) are dropped from that article's analysis.
   */
  wrap(analyze: AnalyzeDocument): AnalyzeDocument {
    return (uri, text, version) => {
      const analysis = analyze(uri, text, version);
      const sidecar = this.sidecarOf(uri);
      if (!sidecar || !sidecar.rejections.some((r) => r.scope === 'here')) return analysis;
      const spans = rejectedSpans(sidecar, text);
      if (spans.length === 0) return analysis;
      const entities = analysis.entities.filter(
        (m) => !spans.some((s) => s.start < m.end && m.start < s.end && (s.type === undefined || s.type === m.type)),
      );
      return entities.length === analysis.entities.length ? analysis : ({ ...analysis, entities } satisfies TextAnalysis);
    };
  }

  /**
   * Puts new knowledge in force. `here` is a fingerprint of the per-place
   * rejections (they change the analysis too). Returns true when something
   * changed, so the caller re-analyses the documents.
   */
  update(knowledge: SidecarKnowledge, here: string): boolean {
    const empty = knowledge.confirmed.length === 0 && knowledge.rejected.length === 0 && here === '';
    const fingerprint = empty ? '' : JSON.stringify([knowledge, here]);
    if (fingerprint === this.fingerprint) return false;
    this.fingerprint = fingerprint;
    this.salt = empty ? '' : `~k${contentHash(fingerprint)}`;
    this.current = empty ? this.base : this.base.withKnowledge(knowledge);
    return true;
  }
}
