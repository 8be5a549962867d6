/**
 * A small pack of made-up brands for the engine's own tests, so they check the mechanisms (names,
 * roles, categories, floors, shops) and not the built-in brand data, which changes as we learn. It is
 * compiled on top of the built-in core pack: the categories, materials and signal words the extension
 * ships with.
 */
import { BUILTIN_PACKS } from '../../lib/rules/builtin-pack';
import { compileRules } from '../../lib/rules/compile-rules';
import { parseRulePack } from '../../lib/rules/rule-pack';
import type { AssessableListing } from '../../lib/rules/assessable-listing';

const CORE = BUILTIN_PACKS.find((pack) => pack.id === 'builtin-core');
if (!CORE) throw new Error('the built-in core pack is missing');

const source = 'test pack';

export const ENGINE_PACK = parseRulePack({
  format: 'counterfeit-radar.rules',
  formatVersion: 2,
  id: 'engine-test',
  version: '1',
  brands: [
    {
      id: 'aster',
      names: { en: 'Aster', zh_CN: '阿斯特' },
      aliases: ['aster', '阿斯特'],
      nicknames: ['A家'],
      weakAliases: ['AT'],
      squatters: ['阿斯特拉'],
      styles: ['小阿风'],
      models: [
        { names: ['Nova', '诺瓦包'], category: 'bag', floor: 8000, source },
        { names: ['ava'], weak: true },
        { names: ['星纹'], motif: true },
      ],
      sells: ['bag', 'small-leather-goods', 'shoes', 'clothing', 'outerwear', 'jewellery', 'lipstick'],
      floors: [
        { category: 'bag', price: 3000, source: 'bag source' },
        { category: 'small-leather-goods', price: 900, source },
        { category: 'shoes', price: 1500, source },
        { category: 'clothing', price: 800, source },
        { category: 'outerwear', price: 2000, source },
        { category: 'jewellery', price: 1200, source },
        { category: 'jewellery', material: 'precious-metal', price: 6000, source: 'gold source' },
        { category: 'lipstick', price: 160, source },
      ],
      authorisedShops: [{ name: 'ASTER阿斯特官方旗舰店', shopId: '111222', source }],
      notBrand: ['天文望远镜'],
    },
    {
      id: 'boreal',
      names: { en: 'Boreal', zh_CN: '博瑞尔' },
      aliases: ['boreal', '博瑞尔'],
      nicknames: ['博家'],
      models: [{ names: ['冰川', 'Glacier'], category: 'watch', floor: 30000, source: 'glacier source' }],
      sells: ['watch'],
      floors: [{ category: 'watch', price: 12000, source }],
    },
    {
      id: 'cobalt',
      names: { en: 'Cobalt', zh_CN: '科博' },
      aliases: ['cobalt', '科博'],
      weakAliases: [{ term: 'CV', categories: ['bag', 'small-leather-goods'] }],
      sells: ['bag', 'small-leather-goods'],
      floors: [{ category: 'bag', price: 2000, source }],
    },
    {
      id: 'corvo',
      names: { en: 'Corvo', zh_CN: '科沃' },
      aliases: ['corvo', '科沃'],
      weakAliases: [{ term: 'CV', categories: ['watch', 'jewellery'] }],
      sells: ['watch', 'jewellery'],
      floors: [
        { category: 'watch', price: 5000, source },
        { category: 'jewellery', material: 'silver', price: 700, source: 'silver source' },
        { category: 'jewellery', material: 'precious-metal', price: 4000, source },
      ],
    },
  ],
  trustedShops: [{ name: '天猫超市', source }],
});

export const ENGINE_RULES = compileRules([CORE, ENGINE_PACK]);

export function listing(title: string, price?: number, shop?: string | { name?: string | null; id?: string | null; platform?: 'taobao' | 'tmall' | 'tmall-global' }): AssessableListing {
  const shopField = typeof shop === 'string' ? { name: shop, id: null, platform: 'taobao' as const, tier: null } : shop ? { name: null, id: null, tier: null, ...shop } : null;
  return {
    itemId: '600000000001',
    title,
    price: price === undefined ? null : { min: price, max: price, currency: 'CNY' },
    shop: shopField,
  };
}
