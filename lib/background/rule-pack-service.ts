/**
 * The rules in force, kept compiled in the worker: the built-in pack, the user's packs, minus the
 * brands the user does not watch. Reloaded when a pack is added or removed or the settings change,
 * and at worker start; activeRules compiles only when the packs or the muted brands differ from a
 * set it has compiled before.
 */
import { cappedDownload } from '../notices/capped-download';
import { pageFailure, pathProblemsFailure, type PageFailure, type PageResult, type RulePackSummary } from '../messaging/page-protocol';
import { activeRules } from '../rule-packs/active-rules';
import { addRulePack, BUILTIN_SUMMARY, loadStoredPacks, removeRulePack } from '../rule-packs/rule-pack-store';
import { BUILTIN_PACKS, RulePackError, type CompiledRules } from '../rules';
import { mergeRulePacks } from '../rules/merge-packs';
import type { Settings } from '../settings/settings';

export interface RulePackServiceDeps {
  settings: () => Promise<Settings>;
  fetch: typeof fetch;
  now: () => number;
  /** PACK_DOWNLOAD_TIMEOUT_MS by default. */
  downloadTimeoutMs?: number;
}

/** Pack files are small; a larger download is not a pack. */
export const MAX_PACK_BYTES = 16 * 1024 * 1024;
/** A pack is a few hundred kilobytes: a server that needs longer than this is treated as down. */
export const PACK_DOWNLOAD_TIMEOUT_MS = 30_000;

/** Pack files are UTF-8 JSON (a BOM is allowed); anything else is refused rather than guessed at. */
function packText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new RulePackError([{ path: '(file)', reason: 'is not UTF-8 text' }]);
  }
}

function failure(error: unknown, label: string): PageFailure {
  if (error instanceof RulePackError) return pathProblemsFailure(`${label}: ${error.message.split('\n')[0] ?? ''}`, error.problems);
  return pageFailure(`${label}: ${(error as Error).message}`);
}

export class RulePackService {
  #rules: CompiledRules = activeRules([], []);
  #generation = 0;
  ready: Promise<void>;

  constructor(private readonly deps: RulePackServiceDeps) {
    this.ready = this.reload();
  }

  get rules(): CompiledRules {
    return this.#rules;
  }

  /** Recompiles from storage and settings; the last reload started wins. A failure keeps the built-in pack. */
  async reload(): Promise<void> {
    const generation = ++this.#generation;
    try {
      const [stored, settings] = await Promise.all([loadStoredPacks(), this.deps.settings()]);
      const rules = activeRules(
        stored.map((p) => p.pack),
        settings.mutedBrands,
      );
      if (generation === this.#generation) this.#rules = rules;
    } catch (error) {
      console.error('Counterfeit Radar: the stored rule packs do not compile; using the built-in pack', error);
      if (generation === this.#generation) this.#rules = activeRules([], []);
    }
  }

  async importFile(fileName: string, text: string): Promise<PageResult<{ pack: RulePackSummary }>> {
    try {
      const stored = await addRulePack(text, { kind: 'file', name: fileName }, this.deps.now());
      await this.reload();
      return { ok: true, pack: stored.summary };
    } catch (error) {
      return failure(error, fileName);
    }
  }

  async subscribe(url: string): Promise<PageResult<{ pack: RulePackSummary }>> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return failure(new Error('is not a URL'), url);
    }
    if (parsed.protocol !== 'https:') return failure(new Error('a pack URL must be https: a pack decides what is flagged'), url);
    try {
      const answer = await cappedDownload(this.deps.fetch, parsed.href, { cache: 'no-store', credentials: 'omit' }, {
        maxBytes: MAX_PACK_BYTES,
        timeoutMs: this.deps.downloadTimeoutMs ?? PACK_DOWNLOAD_TIMEOUT_MS,
        what: 'the pack',
      });
      if (!answer.ok) return failure(new Error(`the server answered ${answer.status}`), url);
      const text = packText(answer.bytes);
      const stored = await addRulePack(text, { kind: 'url', url: parsed.href }, this.deps.now());
      await this.reload();
      return { ok: true, pack: stored.summary };
    } catch (error) {
      return failure(error, url);
    }
  }

  async remove(id: string): Promise<void> {
    await removeRulePack(id);
    await this.reload();
  }

  /** Downloads followed packs again; a failure keeps the stored version. */
  async refreshAll(): Promise<void> {
    for (const { summary } of await loadStoredPacks()) {
      if (summary.source.kind === 'url') await this.subscribe(summary.source.url);
    }
  }

  async list(): Promise<{ builtin: RulePackSummary; imported: RulePackSummary[]; brands: { id: string; name: { en: string; zh_CN: string } }[] }> {
    const stored = await loadStoredPacks();
    // Every brand the packs define, muted or not: the options page lists them all to choose from.
    // Merging is enough for the names; compiling the matcher as well would be wasted on each call.
    const all = mergeRulePacks([...BUILTIN_PACKS, ...stored.map((p) => p.pack)]);
    return {
      builtin: BUILTIN_SUMMARY,
      imported: stored.map((p) => p.summary),
      brands: all.brands.map((b) => ({ id: b.id, name: { en: b.names.en, zh_CN: b.names.zh_CN } })),
    };
  }
}
