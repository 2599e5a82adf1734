import { decodeAnalysis, decodeStories, encodeAnalysis, type EncodedAnalysis } from './analysisCodec';
import { contentHash } from './contentHash';
import type { AnnotationInfo, StoryInfo, TextAnalysis } from './documentAnalysis';
import type { IndexedMention } from './indexTypes';
import { buildMentions } from './mentionMerge';
import { asciiJson } from './snapshotJson';

/**
 * One document as the index holds it. Everything derived (the analysis
 * itself when it comes from the cache, the merged mentions, the keys per
 * story, the fingerprint) is computed on first use, so that a warm start
 * can restore ten thousand documents without decoding any of them.
 */
export class DocEntry {
  private decoded: TextAnalysis | undefined;
  private derived: { mentions: IndexedMention[]; storyKeys: string[][] } | undefined;
  private storiesCache: readonly StoryInfo[] | undefined;
  private fingerprintCache: string | undefined;
  private encodedJson: string | undefined;

  /**
   * @param text the content, or undefined for a document restored from the cache and not yet re-read
   * @param analysis the analysis, or undefined when it is to be decoded from `encoded`
   * @param encoded the cache form, as JSON text or decoded JSON
   * @param onCorrupt called when a cached analysis turns out not to decode
   */
  constructor(
    public uri: string,
    public version: number,
    readonly hash: string,
    public text: string | undefined,
    analysis: TextAnalysis | undefined,
    readonly annotations: readonly AnnotationInfo[],
    private encoded: string | EncodedAnalysis | undefined,
    private readonly onCorrupt: (entry: DocEntry) => void = () => undefined,
    restored?: { stories: readonly StoryInfo[]; storyKeys: string[][]; length: number },
  ) {
    this.decoded = analysis;
    if (typeof encoded === 'string') this.encodedJson = encoded;
    if (restored) {
      this.storiesCache = restored.stories;
      this.restoredStoryKeys = restored.storyKeys;
      this.restoredLength = restored.length;
    }
  }

  private restoredLength: number | undefined;

  /** Length of the text (known without decoding for restored documents). */
  get length(): number {
    return this.text?.length ?? this.restoredLength ?? this.analysis.length;
  }

  /** Keys per story from the cache's index state, so that restored documents need no decoding to be aggregated. */
  private restoredStoryKeys: string[][] | undefined;

  /** True when the cached analysis did not decode (the entry holds an empty analysis instead). */
  failed = false;

  /** The text analysis (decoded from the cache on first use; empty if the cache entry is corrupt). */
  get analysis(): TextAnalysis {
    if (!this.decoded) {
      const raw = typeof this.encoded === 'string' ? safeParse(this.encoded) : this.encoded;
      const a = decodeAnalysis(raw);
      if (a) {
        this.decoded = a;
      } else {
        this.decoded = { length: this.text?.length ?? 0, stories: [], entities: [], dates: [], sentences: [], boilerplate: [], problems: [] };
        this.failed = true;
        this.onCorrupt(this);
      }
    }
    return this.decoded;
  }

  /** The stories, without decoding the whole analysis when it is still encoded. */
  get stories(): readonly StoryInfo[] {
    if (this.decoded) return this.decoded.stories;
    if (!this.storiesCache) {
      const raw = (typeof this.encoded === 'string' ? safeParse(this.encoded) : this.encoded) as EncodedAnalysis | undefined;
      this.storiesCache = (raw && decodeStories(raw.s, raw.n)) ?? this.analysis.stories;
    }
    return this.storiesCache;
  }

  /** Recognizer and analyst mentions, sorted by start. */
  get mentions(): readonly IndexedMention[] {
    return this.derive().mentions;
  }

  /** Per story index: the distinct bucket keys mentioned in it. */
  get storyKeys(): ReadonlyArray<readonly string[]> {
    if (!this.derived && this.restoredStoryKeys) return this.restoredStoryKeys;
    return this.derive().storyKeys;
  }

  /** Changes iff the document's entity contribution changes. */
  get fingerprint(): string {
    this.fingerprintCache ??= contentHash(
      this.mentions.map((m) => `${m.key}\u0001${m.story}\u0001${m.type}\u0001${m.confirmed ? 1 : 0}\u0001${m.canonical ?? m.text}`).join('\u0002')
      + '\u0003' + this.stories.map((s) => `${s.date?.value ?? ''}\u0001${s.headline}`).join('\u0002'),
    );
    return this.fingerprintCache;
  }

  /** The cache form as JSON text, computed once. */
  get cacheJson(): string {
    if (this.encodedJson === undefined) {
      this.encodedJson = asciiJson(this.encoded !== undefined && typeof this.encoded !== 'string' ? this.encoded : encodeAnalysis(this.analysis));
    }
    return this.encodedJson;
  }

  /** The same content under other annotations (a sidecar changed): shares the analysis. */
  withAnnotations(annotations: readonly AnnotationInfo[]): DocEntry {
    return new DocEntry(this.uri, this.version, this.hash, this.text, this.decoded, annotations, this.encodedJson ?? this.encoded, this.onCorrupt);
  }

  /** What the cache keeps of the analysis, to reuse it for an identical text later. */
  reusable(): { analysis?: TextAnalysis; encoded?: string | EncodedAnalysis } {
    return { ...(this.decoded ? { analysis: this.decoded } : {}), ...(this.encodedJson ?? this.encoded ? { encoded: this.encodedJson ?? this.encoded } : {}) };
  }

  private derive(): { mentions: IndexedMention[]; storyKeys: string[][] } {
    if (!this.derived) {
      const analysis = this.analysis;
      const mentions = buildMentions(this.text, analysis, this.annotations);
      const storyKeys: string[][] = analysis.stories.map(() => []);
      const seen = analysis.stories.map(() => new Set<string>());
      for (const m of mentions) {
        const set = seen[m.story];
        if (set && !set.has(m.key)) {
          set.add(m.key);
          storyKeys[m.story]!.push(m.key);
        }
      }
      this.derived = { mentions, storyKeys };
      // Without annotations the merged mentions are the recognizer's plus a key and a flag: let
      // the analysis hold them instead of a second set of objects (most of the index's memory).
      if (this.annotations.length === 0) this.decoded = { ...analysis, entities: mentions };
    }
    return this.derived;
  }
}

function safeParse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}
