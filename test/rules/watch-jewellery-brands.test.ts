/**
 * The watch and jewellery brand data (brands-watches.json, brands-jewellery.json) on made-up titles:
 * each name is found, the common words among them stay ordinary words without the brand's category,
 * design nicknames without a brand make lookalikes, and prices are held to the brand's floors.
 */
import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_RULES, listing } from './builtin-rules';

const verdictOf = (title: string, price?: number) => assessListing(listing(title, price), BUILTIN_RULES);
const brandOf = (title: string): string | null => verdictOf(title, 100000).brand;
const codesOf = (title: string, price?: number): string[] => verdictOf(title, price).reasons.map((reason) => reason.code);

describe('watch and jewellery names are found', () => {
  it.each([
    ['爱彼 皇家橡树 手表', 'audemars_piguet'],
    ['AP 手表 男 自动机械', 'audemars_piguet'],
    ['理查德米勒 RM011 手表', 'richard_mille'],
    ['江诗丹顿 纵横四海 腕表', 'vacheron_constantin'],
    ['江诗 手表 男', 'vacheron_constantin'],
    ['IWC 葡计 手表', 'iwc'],
    ['万国表 飞行员 男表', 'iwc'],
    ['积家 翻转系列 腕表', 'jaeger_lecoultre'],
    ['浪琴 名匠 手表 男', 'longines'],
    ['浪家 康卡斯 潜水表', 'longines'],
    ['泰格豪雅 卡莱拉 手表', 'tag_heuer'],
    ['帝舵 碧湾 手表', 'tudor'],
    ['百年灵 航空计时 手表', 'breitling'],
    ['沛纳海 庐米诺 腕表', 'panerai'],
    ['宇舶 大爆炸 腕表', 'hublot'],
    ['真力时 El Primero 手表', 'zenith'],
    ['天梭 力洛克 机械表', 'tissot'],
    ['宝玑 那不勒斯皇后 腕表', 'breguet'],
    ['宝珀 五十噚 潜水表', 'blancpain'],
    ['萧邦 快乐钻石 项链', 'chopard'],
    ['法穆兰 酒桶 手表', 'franck_muller'],
    ['伯爵 Possession 戒指', 'piaget'],
    ['DW 手表 女 简约', 'daniel_wellington'],
    ['汉米尔顿 卡其野战 手表', 'hamilton'],
    ['朗格 萨克森 手表', 'a_lange_sohne'],
    ['雷达表 晶萃 女表', 'rado'],
    ['尚美巴黎 蜂巢系列 戒指', 'chaumet'],
    ['宝诗龙 Quatre 戒指', 'boucheron'],
    ['格拉夫 钻石 戒指', 'graff'],
    ['海瑞温斯顿 钻石 项链', 'harry_winston'],
    ['斐登 Force 10 手链', 'fred'],
    ['Messika Move Uno 项链', 'messika'],
    ['宝曼兰朵 Nudo 戒指', 'pomellato'],
    ['达米亚尼 Belle Epoque 项链', 'damiani'],
    ['御木本 珍珠 耳钉', 'mikimoto'],
    ['Qeelin Wulu 葫芦 吊坠', 'qeelin'],
    ['潘多拉 串珠 手链', 'pandora'],
    ['施华洛世奇 Iconic Swan 项链', 'swarovski'],
    ['APM Monaco 耳钉', 'apm_monaco'],
    ['周大福 足金 转运珠', 'chow_tai_fook'],
    ['戴比尔斯 钻戒', 'de_beers'],
    ['塔思琦 珍珠 耳环', 'tasaki'],
    ['乔治杰生 月光葡萄 耳钉', 'georg_jensen'],
    ['蒂凡尼 项链 女', 'tiffany'],
    ['欧米伽 海马 手表', 'omega'],
    ['卡家 钉子手镯 钛钢', 'cartier'],
    ['潘家多拉 手链', 'pandora'],
  ])('%s → %s', (title, brand) => {
    expect(brandOf(title)).toBe(brand);
  });
});

describe('common words among the names stay ordinary words', () => {
  it.each([
    '大面积家用 地毯 客厅',
    '伯爵红茶 奶茶 杯子',
    '伯爵茶 手链 女',
    '百年灵芝孢子粉 正品',
    '潘家园 古玩 手串 串珠',
    '潘多拉魔盒 手链 女',
    '卡西欧 DW-5600 手表 男',
    'G-SHOCK DW5600 手表',
    '精工水鬼 手表 男 机械',
    '精工 SEIKO 水鬼 潜水表 男',
    '施迪沃 steeldive 水鬼 潜水表',
    'Guess 老花 托特包 女',
    '坦克300 钥匙包 真皮',
    '倒车雷达 汽车',
    '万国旗 装饰',
    '小蛮腰 连衣裙 女',
    '橡树 实木 家具',
    '日志本 手账',
    '名匠 菜刀 厨房',
    '钉子 挂钩 墙',
    '汉密尔顿 F1 梅赛德斯 帽子',
    '宇宙大爆炸 T恤',
    'Fred Perry polo衫',
    'Graff 涂鸦 T恤',
    'VC 精华 面膜',
    'AP 数据线',
    '明朗格调 衬衫',
    'I love you 项链 女',
    'knot 戒指 打结',
    'petite 项链 女',
    'T1战队 应援 手链',
    'Carrera 卡雷拉 太阳镜 男',
    '天鹅绒 首饰盒',
    '五花肉 真空包装',
    '宝玑针 罗马刻度 机械表 男',
    '宝玑游丝 机芯 手表',
    '爱彼迎 旅行 收纳包',
    '欧米伽-3 深海鱼油',
    '爱彼雅 a.b.art 石英表 男',
    '爱彼思诺 情侣手表 一对',
  ])('%s → no brand', (title) => {
    expect(brandOf(title)).toBeNull();
  });
});

describe('a design nickname without the brand is a lookalike or a motif, never more than low', () => {
  it.each([
    ['工厂货源 橡树系列 女表 316精钢', 'audemars_piguet', 'lookalike'],
    ['方型坦克手表 男士 商务', 'cartier', 'lookalike'],
    ['钛钢项链 小蛮腰 黑陶瓷 锁骨链', 'bulgari', 'lookalike'],
    ['钉子手镯 女 钛钢', 'cartier', 'lookalike'],
    ['外贸 绿水鬼 手表 男 钢带', 'rolex', 'motif'],
    ['四叶草 项链 女', 'van_cleef_arpels', 'motif'],
    ['海马 手表 男 夜光', 'omega', 'lookalike'],
  ])('%s → %s (%s)', (title, brand, code) => {
    const verdict = verdictOf(title, 30);
    expect(verdict).toMatchObject({ brand, risk: 'low' });
    expect(verdict.reasons.map((reason) => reason.code)).toEqual([code]);
  });

  it('Swarovski crystals in another maker\'s piece make a lookalike, not a Swarovski item', () => {
    expect(verdictOf('施华洛世奇元素 水晶 项链', 99)).toMatchObject({ brand: 'swarovski', risk: 'low' });
  });
});

describe('a strap made for a watch brand is made for it, not by it', () => {
  it.each([
    ['浪琴表带 20mm 真皮', 'longines'],
    ['天梭表带 原装 钢带', 'tissot'],
    ['宇舶表带 橡胶', 'hublot'],
    ['适用浪琴表带 名匠', 'longines'],
    ['牛皮手表带 适配浪琴 天梭 美度', 'longines'],
  ])('%s → made for %s', (title, brand) => {
    const verdict = verdictOf(title, 60);
    expect(verdict).toMatchObject({ brand, risk: 'low' });
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['accessory']);
  });
});

describe('a strap made for several watch brands is made for all of them', () => {
  it('the brands after the first in the list are not taken as the maker', () => {
    const verdict = verdictOf('蝴蝶扣表带 适用于浪琴 DW CK 男女', 39);
    expect(verdict.risk).toBe('low');
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['accessory']);
  });
});

describe('prices are held to the brand\'s floors', () => {
  it('a mechanical watch is held to the brand\'s mechanical floor, above its quartz one', () => {
    expect(verdictOf('天梭 石英表 男 钢带 商务', 1500).risk).toBe('low');
    expect(verdictOf('天梭 全自动机械表 男 钢带 商务', 1500).risk).toBe('medium');
  });

  it('a model\'s floor rises to the mechanical floor when the title says mechanical', () => {
    expect(verdictOf('天梭 库图系列 石英 男表', 1600).risk).toBe('low');
    expect(verdictOf('天梭 杜鲁尔 自动机械表 男', 1600).risk).toBe('medium');
  });

  it('traditional characters fold before the model is looked up', () => {
    expect(verdictOf('天梭 杜魯爾 自動機械錶 男', 1600).risk).toBe('medium');
  });

  it('a heritage re-edition (经典复刻) is a watch line, not replica slang', () => {
    expect(verdictOf('浪琴 经典复刻系列 自动机械 男表', 15000)).toMatchObject({ brand: 'longines', risk: 'low' });
    expect(codesOf('浪琴 经典复刻版 男表', 15000)).not.toContain('counterfeit-term');
    expect(codesOf('浪琴 复刻 男表', 15000)).toContain('counterfeit-term');
  });

  it('a Longines nickname and its lines at a wholesale price are high', () => {
    const verdict = verdictOf('浪家 名匠系列 康卡斯 自动机械男表 日历夜光防水腕表 送礼', 228);
    expect(verdict).toMatchObject({ brand: 'longines', risk: 'high' });
    expect(codesOf('浪家 名匠系列 康卡斯 自动机械男表 日历夜光防水腕表 送礼', 228)).toContain('price-far-below-floor');
  });

  it('DW at a wholesale price is high, at an outlet price low', () => {
    expect(verdictOf('dw手表 指针式 简约 广州手表批发', 20).risk).toBe('high');
    expect(verdictOf('Daniel Wellington 手表 女 Petite', 790)).toMatchObject({ brand: 'daniel_wellington', risk: 'low' });
  });

  it('a model floor is above the brand\'s: a ¥12,000 Rolex is fine, a ¥12,000 Daytona is not', () => {
    expect(verdictOf('劳力士 女表 中古', 12000).risk).toBe('low');
    expect(verdictOf('劳力士 迪通拿 手表', 12000).risk).toBe('high');
  });

  it('Tiffany is held to its silver floor with silver and to its gold floor with gold', () => {
    expect(verdictOf('蒂芙尼 925银 项链 心形', 1500).risk).toBe('low');
    expect(verdictOf('蒂芙尼 18K 项链 心形', 1500).risk).toBe('high');
  });

  it('steel on a fine-jewellery house is held to the house\'s floor', () => {
    expect(verdictOf('卡地亚 钉子 手镯 钛钢', 50)).toMatchObject({ brand: 'cartier', risk: 'high' });
    expect(verdictOf('宝格丽 小蛮腰 戒指 钛钢', 60)).toMatchObject({ brand: 'bulgari', risk: 'high' });
  });

  it('a house named with 同款 is a lookalike, whatever the price', () => {
    expect(verdictOf('周大福同款 镀金 项链', 29)).toMatchObject({ brand: 'chow_tai_fook', risk: 'low' });
  });
});

describe('authorised shops', () => {
  it('a brand whose Chinese name needs a watch word still knows its own Tmall store', () => {
    const inStore = assessListing(listing('积家 翻转系列 腕表 女', 3000, '积家官方旗舰店'), BUILTIN_RULES);
    expect(inStore).toMatchObject({ brand: 'jaeger_lecoultre', risk: 'low' });
    expect(inStore.reasons.map((reason) => reason.code)).toContain('authorised-shop');
    expect(assessListing(listing('积家 翻转系列 腕表 女', 3000, '名表折扣店'), BUILTIN_RULES).risk).toBe('high');
  });
});
