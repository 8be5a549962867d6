/**
 * Listings shaped like Taobao search results, generated from the built-in packs (brand names, models,
 * slang, lookalike and accessory words, collisions, fillers, log-uniform prices), seeded so every run
 * sees the same ones. Shared by the engine benchmark and the CLI benchmark.
 */
import type { AssessableListing } from '../../lib/rules/assessable-listing';
import type { mergeRulePacks } from '../../lib/rules/merge-packs';
import { seededRandom } from '../rules/seeded-random';

const FILLERS = [
  '女', '男', '2024新款', '2025新款', '春秋', '秋冬', '夏季', '百搭', '高级感', '小众设计', '真皮', '头层牛皮', '大容量', 'ins', '网红',
  '潮', '时尚', '气质', '简约', '复古', '韩版', '法式', '通勤', '学生', '礼物', '送女友', '情侣', '包邮', '正品', '专柜', '代购', '现货',
  '爆款', '链条', '宽松', '加厚', '显瘦', '男士', '女士', '轻奢', '品质', '高档', '经典款', '明星', '港风', '欧美', '日系', '中号', '小号',
  'mini', 'new', 'ootd', '限量', '特价', '清仓', '官方', '推荐', '百搭款', '纯色', '印花', '格纹', '老钱风', '通勤风', '牛皮', '羊皮',
];
const SLANG = ['高仿', '原单', '顶级版本', '1:1', '复刻', '纯原', '对版', '精仿', '尾单', 'N厂'];
const LOOKALIKE = ['同款', '平替', '风', '款式'];
const ACCESSORY = ['内胆包', '替换表带', '包撑', '防尘袋'];
const COLLISIONS = ['LV5 锂电池 18650', 'MK2 相机滑轨', '爱马仕橙 口红', '小香风外套', '老花镜 高清', 'omega3 鱼油', 'CF卡 64G', 'CC霜 遮瑕'];
const SHOPS = ['小美精品女包店', '欧美大牌工厂直营', '潮流女包工厂店', '港仔潮牌馆', '中古奢品铺', '名表回收寄卖', '美国代购小站', '轻奢皮具馆', '饰品批发城', '腕表商行'];

export function generateListings(count: number, BUILTIN: ReturnType<typeof mergeRulePacks>): AssessableListing[] {
  const next = seededRandom(20260601);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const brands = BUILTIN.brands;
  const categories = BUILTIN.categories;
  const listings: AssessableListing[] = [];
  for (let i = 0; i < count; i++) {
    const words: string[] = [];
    const roll = next();
    let shop = pick(SHOPS);
    if (roll < 0.7) {
      const brand = pick(brands);
      const names = [brand.names.en, brand.names.zh_CN, ...brand.aliases.map((alias) => alias.term)];
      words.push(next() < 0.4 ? `${brand.names.en.toUpperCase()}${brand.names.zh_CN}` : pick(names));
      const model = brand.models.length > 0 && next() < 0.3 ? pick(brand.models) : undefined;
      if (model) words.push(pick(model.names));
      const kind = next();
      if (kind < 0.15) words.push(pick(SLANG));
      else if (kind < 0.25) words.push(pick(LOOKALIKE));
      else if (kind < 0.3) words.push(pick(ACCESSORY));
      if (next() < 0.05) shop = brand.authorisedShops[0]?.name ?? shop;
    } else if (roll < 0.9) {
      words.push(pick(FILLERS));
    } else {
      words.push(pick(COLLISIONS));
    }
    const category = pick(categories);
    words.push(pick(category.terms.length > 0 ? category.terms : ['包包']));
    const fillers = 4 + Math.floor(next() * 6);
    for (let f = 0; f < fillers; f++) words.push(pick(FILLERS));
    // Keyword-stuffed titles put the brand anywhere, not only first.
    const at = Math.floor(next() * 3);
    const [first] = words.splice(0, 1);
    words.splice(at, 0, first ?? '');
    const price = Math.round(Math.exp(Math.log(30) + next() * (Math.log(60000) - Math.log(30))));
    listings.push({
      itemId: String(600000000000 + i),
      title: words.join(' '),
      price: { min: price, max: price, currency: 'CNY' },
      shop: { name: shop, id: null, platform: 'taobao', tier: null },
    });
  }
  return listings;
}
