import { describe, expect, it } from 'vitest';
import { assessListing, BUILTIN_PACKS, compileRules, parseRulePack, RulePackError, type RulePack } from '../../lib/rules';
import { MAX_TABLE_BYTES } from '../../lib/rules/automaton';
import { seededRandom } from './seeded-random';

/** A team pack whose one brand has CJK aliases under a few shared prefixes, grown to `bytes` of JSON. */
function cjkPack(id: string, options: { bytes?: number; aliases?: number; prefixes: number; tail: number; seed: number }): { pack: RulePack; json: string } {
  const next = seededRandom(options.seed);
  const cjk = (): string => String.fromCharCode(0x4e00 + Math.floor(next() * 6000));
  const prefixes = Array.from({ length: options.prefixes }, () => cjk() + cjk());
  const aliases = new Set<string>();
  const make = () => ({ format: 'counterfeit-radar.rules', formatVersion: 2, id, version: '1', brands: [{ id: `${id}-brand`, names: { en: 'Team brand', zh_CN: '团队品牌' }, aliases: [...aliases] }] });
  let json: string;
  for (;;) {
    let alias = options.prefixes > 0 ? (prefixes[Math.floor(next() * prefixes.length)] as string) : '';
    for (let i = 0; i < options.tail; i++) alias += cjk();
    aliases.add(alias);
    if (options.aliases !== undefined && aliases.size >= options.aliases) break;
    if (options.bytes !== undefined && aliases.size % 250 === 0) {
      json = JSON.stringify(make());
      if (new TextEncoder().encode(json).byteLength >= options.bytes) break;
    }
  }
  json = JSON.stringify(make());
  return { pack: parseRulePack(JSON.parse(json)), json };
}

describe('rule pack size bound', () => {
  it('keeps a 205 kB pack of many CJK prefixes small: tables grow with its text, not states × alphabet', () => {
    const { pack, json } = cjkPack('cjk-prefixes', { bytes: 205_000, prefixes: 40, tail: 3, seed: 16 });
    expect(new TextEncoder().encode(json).byteLength).toBeGreaterThanOrEqual(205_000);
    const rules = compileRules([...BUILTIN_PACKS, pack]);
    const alone = compileRules(BUILTIN_PACKS);
    // Thousands of classes (one per CJK character used) and tens of thousands of states...
    expect(rules.stats.classes).toBeGreaterThan(3_000);
    expect(rules.stats.states).toBeGreaterThan(30_000);
    // ...in about 1 MB: full rows per state would be states × classes × 4 bytes, over 400 MB here.
    expect(rules.stats.tableBytes).toBeLessThan(2 * 1024 * 1024);
    expect(rules.stats.tableBytes).toBeLessThan(rules.stats.states * rules.stats.classes * 4 / 300);
    expect(alone.stats.tableBytes).toBeLessThan(512 * 1024);
    const alias = pack.brands?.[0]?.aliases?.[123] as string;
    expect(assessListing({ title: `${alias} 手提包` }, rules, [], 'balanced').brand).toBe('cjk-prefixes-brand');
  });

  it('refuses a pack whose tables would pass the stated size, naming the pack', () => {
    // 80,000 six-character CJK names with little sharing: some 400,000 states, about 9 MB of tables.
    const { pack } = cjkPack('huge-team', { aliases: 80_000, prefixes: 0, tail: 6, seed: 3 });
    const small = cjkPack('small-team', { aliases: 200, prefixes: 10, tail: 2, seed: 4 }).pack;
    let error: unknown;
    try {
      compileRules([...BUILTIN_PACKS, small, pack]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RulePackError);
    const message = (error as RulePackError).message;
    expect(message).toMatch(/^invalid rule pack "huge-team":\n {2}\(pack\): is too large to use: the matcher tables would take \d+\.\d MB \([\d,]+ states\); at most 8\.0 MB are allowed; its names and terms hold [\d,]+ characters$/);
    expect(MAX_TABLE_BYTES).toBe(8 * 1024 * 1024);
  });
});
