/**
 * Rule packs the user added beside the built-in one (a brand team's file, or a pack URL they follow),
 * in storage.local: small, read by the background at start. Each is re-validated when read back, so
 * a damaged entry is dropped with a warning instead of breaking every verdict.
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { RulePackSummary } from '../messaging/page-protocol';
import { BUILTIN_PACKS_INFO, parseRulePack, RulePackError, type RulePack } from '../rules';
import { activeRules } from './active-rules';

export interface StoredRulePack {
  summary: RulePackSummary;
  pack: RulePack;
}

const storedSchema = v.object({
  summary: v.object({
    id: v.string(),
    version: v.string(),
    brandCount: v.number(),
    source: v.variant('kind', [v.object({ kind: v.literal('file'), name: v.string() }), v.object({ kind: v.literal('url'), url: v.string() })]),
    importedAt: v.number(),
  }),
  pack: v.unknown(),
});

const packsItem = storage.defineItem<unknown[]>('local:rulePacks', { fallback: [] });

export function summaryOf(pack: RulePack, source: RulePackSummary['source'], importedAt: number): RulePackSummary {
  return { id: pack.id, version: pack.version, brandCount: pack.brands?.length ?? 0, source, importedAt };
}

export const BUILTIN_SUMMARY: RulePackSummary = { id: BUILTIN_PACKS_INFO.id, version: BUILTIN_PACKS_INFO.version, brandCount: BUILTIN_PACKS_INFO.brandCount, source: { kind: 'file', name: 'built-in' }, importedAt: 0 };

function checkedStored(raw: unknown): StoredRulePack | null {
  const parsed = v.safeParse(storedSchema, raw);
  if (!parsed.success) return null;
  try {
    return { summary: parsed.output.summary, pack: parseRulePack(parsed.output.pack) };
  } catch {
    return null;
  }
}

export async function loadStoredPacks(): Promise<StoredRulePack[]> {
  const raw = await packsItem.getValue();
  const packs = (Array.isArray(raw) ? raw : []).map(checkedStored);
  if (packs.includes(null)) console.warn('Counterfeit Radar: a stored rule pack was damaged and is ignored');
  return packs.filter((p): p is StoredRulePack => p !== null);
}

/**
 * Parses pack text, checks that it compiles with the built-in pack and the other stored packs, and
 * stores it, replacing a stored pack with the same id. Throws RulePackError (nothing stored) when the
 * text is not a usable pack: JSON errors name the line and column.
 */
export async function addRulePack(text: string, source: RulePackSummary['source'], now: number): Promise<StoredRulePack> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new RulePackError([{ path: '(file)', reason: `not valid JSON: ${(error as Error).message}` }]);
  }
  const pack = parseRulePack(json);
  if (pack.id === BUILTIN_PACKS_INFO.id || BUILTIN_PACKS_INFO.packIds.includes(pack.id)) throw new RulePackError([{ path: 'id', reason: `"${pack.id}" is the built-in pack's id; give your pack its own` }]);
  const others = (await loadStoredPacks()).filter((p) => p.summary.id !== pack.id);
  // Compiled through the cache: the reload that follows the import finds these rules there.
  activeRules([...others.map((p) => p.pack), pack], []);
  const stored: StoredRulePack = { summary: summaryOf(pack, source, now), pack };
  await packsItem.setValue([...others, stored]);
  return stored;
}

export async function removeRulePack(id: string): Promise<void> {
  const packs = await loadStoredPacks();
  await packsItem.setValue(packs.filter((p) => p.summary.id !== id));
}
