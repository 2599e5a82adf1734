import { rejectedSpansOf, type SidecarKnowledge } from '../../core/annotations/knowledge';
import type { Rejection } from '../../core/annotations/model';
import { contentHash } from '../../core/index/contentHash';
import type { AnalyzeDocument, AnalyzeDocuments, TextAnalysis } from '../../core/index/documentAnalysis';
import type { Recognizer } from '../../core/recognize/recognizer';

/** Per article uri, the rejections the analyst made at one place (`scope: here`). */
export type PlaceRejections = ReadonlyMap<string, readonly Rejection[]>;

/**
 * The recognizer the index's analyzer uses, swapped when the analyst's
 * confirmations and rejections change, and the content hash the index keys
 * its analyses by. The index analyses a content once and keeps the result
 * (in memory, in its recent list and in the cache file) under that hash, so
 * the hash carries a fingerprint of the knowledge: after a change, the same
 * text has a new key and is analysed again, while analyses made with the
 * previous knowledge can never be served for it. Without knowledge the hash is
 * the plain content hash, so a workspace without sidecars keeps its warm cache.
 *
 * Everything an analysis depends on besides the text is switched here in one
 * step, together with the hash: the recognizer AND the `here` rejections the
 * wrapped analyzer drops. The wrapper applies the snapshot taken at the last
 * `update`, never the live sidecars: a sidecar changes some time before the
 * knowledge is rebuilt (the rebuild is debounced, and waits for the first
 * scan), and an analysis made in between with the new rejections under the
 * old hash would later be served from the index's caches for the old
 * knowledge, e.g. a "Reject here" that was undone would stay applied.
 */
export class KnowledgeSwitch {
  private current: Recognizer;
  private salt = '';
  private fingerprint = '';
  private places: PlaceRejections = new Map();
  private state: SavedKnowledge | undefined;
  private initial: (() => SavedKnowledge | undefined) | undefined;

  /** @param base the recognizer without analyst knowledge */
  constructor(private readonly base: Recognizer) {
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
    if (!saved || !Array.isArray(saved.knowledge?.confirmed) || !Array.isArray(saved.knowledge?.rejected)) return;
    const places = savedPlaces(saved.places);
    // Without its rejections (a file from an older version, or damaged), the salt would promise filters the analyses lack.
    if (!places) return;
    this.update(saved.knowledge, places);
  }

  /**
   * Wraps the index's analyzer: mentions the analyst rejected at one place
   * (`scope: here`) are dropped from that article's analysis, as of the
   * knowledge in force (see the class comment).
   */
  wrap(analyze: AnalyzeDocument): AnalyzeDocument {
    return (uri, text, version) => this.withoutRejected(uri, text, analyze(uri, text, version));
  }

  /** {@link wrap} for an analyzer of many documents at once (a scan's batches). */
  wrapBatch(analyze: AnalyzeDocuments): AnalyzeDocuments {
    return (docs) => analyze(docs).map((analysis, i) => this.withoutRejected(docs[i].uri, docs[i].text, analysis));
  }

  /** The analysis without the mentions rejected at their place in this article. */
  private withoutRejected(uri: string, text: string, analysis: TextAnalysis): TextAnalysis {
    this.start();
    const rejections = this.places.get(uri);
    if (!rejections || rejections.length === 0) return analysis;
    const spans = rejectedSpansOf(rejections, text);
    if (spans.length === 0) return analysis;
    const entities = analysis.entities.filter(
      (m) => !spans.some((s) => s.start < m.end && m.start < s.end && (s.type === undefined || s.type === m.type)),
    );
    return entities.length === analysis.entities.length ? analysis : ({ ...analysis, entities } satisfies TextAnalysis);
  }

  /**
   * Puts new knowledge in force: the workspace-wide knowledge and, per
   * article, its `here` rejections (both change the analysis). Returns true
   * when something changed, so the caller re-analyses the documents.
   */
  update(knowledge: SidecarKnowledge, places: PlaceRejections): boolean {
    this.initial = undefined;
    const kept = new Map<string, readonly Rejection[]>();
    for (const [uri, rejections] of places) {
      const here = rejections.filter((r) => r.scope === 'here' && r.anchor !== undefined);
      if (here.length > 0) kept.set(uri, here);
    }
    const here = placesFingerprint(kept);
    const empty = knowledge.confirmed.length === 0 && knowledge.rejected.length === 0 && here === '';
    const fingerprint = empty ? '' : JSON.stringify([knowledge, here]);
    if (fingerprint === this.fingerprint) return false;
    this.fingerprint = fingerprint;
    this.places = kept;
    this.state = empty ? undefined : { knowledge, here, places: Object.fromEntries(kept) };
    this.salt = empty ? '' : `~k${contentHash(fingerprint)}`;
    this.current = empty ? this.base : this.base.withKnowledge(knowledge);
    return true;
  }
}

/**
 * Which `here` rejections are in force, by article and id (an anchor moved by
 * a save does not count: it finds the same span in the same text). The uri
 * counts: an article renamed with its sidecar is analysed with its rejections
 * under its new name.
 */
function placesFingerprint(places: PlaceRejections): string {
  const ids: string[] = [];
  for (const [uri, rejections] of places) for (const r of rejections) ids.push(`${uri}#${r.id}`);
  return ids.sort().join(',');
}

/** The `here` rejections of a saved file, or undefined when they are missing or malformed. */
function savedPlaces(raw: unknown): PlaceRejections | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const places = new Map<string, readonly Rejection[]>();
  for (const [uri, list] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(list) || !list.every(isHereRejection)) return undefined;
    places.set(uri, list);
  }
  return places;
}

function isHereRejection(r: unknown): r is Rejection {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Partial<Rejection>;
  const quote = x.anchor?.quote;
  const position = x.anchor?.position;
  return typeof x.id === 'string' && typeof x.text === 'string' && x.scope === 'here'
    && (x.type === undefined || typeof x.type === 'string')
    && typeof quote?.exact === 'string' && typeof quote.prefix === 'string' && typeof quote.suffix === 'string'
    && typeof position?.start === 'number' && typeof position.end === 'number';
}

/**
 * Knowledge as saved between sessions: the recognizer's knowledge, the
 * fingerprint of the `here` rejections, and those rejections by article uri
 * (analyses of the next session's first scan apply them before any sidecar is
 * read, as the salt of their hash says).
 */
export interface SavedKnowledge {
  readonly knowledge: SidecarKnowledge;
  readonly here: string;
  readonly places: Readonly<Record<string, readonly Rejection[]>>;
}
