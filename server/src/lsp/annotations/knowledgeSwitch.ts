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
  private state: SavedKnowledge | undefined;
  private initial: (() => SavedKnowledge | undefined) | undefined;

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
    this.start();
    return this.current;
  }

  /** The index's content hash (see the class comment). */
  readonly hash = (text: string): string => {
    this.start();
    return contentHash(text) + this.salt;
  };

  /**
   * Knowledge to start from, read on first use (after the server learnt its
   * storage folder): the last session's, so that the index's cache, keyed
   * with it, is valid at the next start instead of being analysed again twice
   * (once without knowledge, once when the sidecars are read).
   */
  startWith(initial: () => SavedKnowledge | undefined): void {
    this.initial = initial;
  }

  /** The knowledge in force, to be saved for the next session (undefined: none). */
  get saved(): SavedKnowledge | undefined {
    return this.state;
  }

  private start(): void {
    const initial = this.initial;
    if (!initial) return;
    this.initial = undefined;
    const saved = initial();
    if (saved && Array.isArray(saved.knowledge?.confirmed) && Array.isArray(saved.knowledge?.rejected) && typeof saved.here === 'string') {
      this.update(saved.knowledge, saved.here);
    }
  }

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
    this.initial = undefined;
    const empty = knowledge.confirmed.length === 0 && knowledge.rejected.length === 0 && here === '';
    const fingerprint = empty ? '' : JSON.stringify([knowledge, here]);
    if (fingerprint === this.fingerprint) return false;
    this.fingerprint = fingerprint;
    this.state = empty ? undefined : { knowledge, here };
    this.salt = empty ? '' : `~k${contentHash(fingerprint)}`;
    this.current = empty ? this.base : this.base.withKnowledge(knowledge);
    return true;
  }
}

/** Knowledge as saved between sessions: the recognizer's knowledge and the fingerprint of the `here` rejections. */
export interface SavedKnowledge {
  readonly knowledge: SidecarKnowledge;
  readonly here: string;
}
