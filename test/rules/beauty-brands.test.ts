/**
 * The luxury beauty and niche fragrance brands (packs/brands-beauty.json): how sellers write them,
 * the ordinary titles their names collide with, hero products named without the brand, and the
 * price floors (per category, per hero product and size, and for samples).
 */
import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_RULES, listing } from './builtin-rules';

const verdictOf = (title: string, price?: number, shop?: string) => assessListing(listing(title, price, shop), BUILTIN_RULES);
const brandOf = (title: string): string | null => verdictOf(title, 5000).brand;

describe('beauty brands are found however sellers write them', () => {
  it.each([
    ['海蓝之谜 精华面霜', 'la_mer'],
    ['LA MER 修护精萃液 150ml', 'la_mer'],
    ['雅斯兰黛 眼霜', 'estee_lauder'],
    ['Estée Lauder 粉底液', 'estee_lauder'],
    ['兰蔲 口红', 'lancome'],
    ['LANCÔME 菁纯面霜', 'lancome'],
    ['SK-II 清莹露', 'sk_ii'],
    ['SK2 面膜', 'sk_ii'],
    ['CPB 隔离霜', 'cle_de_peau'],
    ['后天气丹 水乳', 'history_of_whoo'],
    ['赫莲娜 眼霜', 'helena_rubinstein'],
    ['HR 面霜 50ml', 'helena_rubinstein'],
    ['Kiehl’s 面霜', 'kiehls'],
    ['契尔氏 爽肤水', 'kiehls'],
    ['M·A·C 口红', 'mac_cosmetics'],
    ['mac 子弹头 口红', 'mac_cosmetics'],
    ['CT 口红 哑光', 'charlotte_tilbury'],
    ['hourgl*ss 平替 唇蜜', 'hourglass'],
    ['祖马龙 香水', 'jo_malone'],
    ['Penhaligon’s 香水', 'penhaligons'],
    ['MFK 香水 70ml', 'maison_francis_kurkdjian'],
    ['Frédéric Malle 香水', 'frederic_malle'],
    ['爱慕 香水 阿曼', 'amouage'],
    ['宝丽 精华 美白', 'pola'],
    ['黛珂紫苏水 150ml', 'cosme_decorte'],
    ['fresh馥蕾诗 红茶面膜', 'fresh'],
    ['品木宣言 灵芝水 爽肤水', 'origins'],
    ['PDM 德利娜 香水', 'parfums_de_marly'],
    ['配枪朱丽叶 香水', 'juliette_has_a_gun'],
    ['雅顿 粉胶 精华', 'elizabeth_arden'],
    ['L’Occitane 护手霜', 'loccitane'],
    ['su:m37 水乳套装 面霜', 'sum37'],
    ['MUFE 粉底液', 'make_up_for_ever'],
    ['修丽可 色修精华 30ml', 'skinceuticals'],
  ])('%s → %s', (title, brand) => {
    expect(brandOf(title)).toBe(brand);
  });
});

describe('ordinary titles that contain a beauty brand name are not the brand', () => {
  it.each([
    'hourglass 沙漏 计时器 摆件',
    'Assassin’s Creed 刺客信条 卫衣',
    '伊索寓言 儿童绘本',
    'Aesop’s Fables 英文原版',
    '娇兰佳人 化妆棉',
    'MacBook Air 保护壳 mac',
    'mac 键盘膜 苹果电脑',
    'memo 便签本 学生',
    '爱慕 内衣 文胸',
    '宝丽来 拍立得 相纸',
    '资生堂洗颜专科洗面奶 120g',
    '资生堂安热沙防晒霜 60ml',
    '资生堂 六角眉笔',
    'HR 招聘 简历模板',
    'CT 机 医用 配件',
    '五花肉 新鲜 500g',
    '大白饼 手工 烧饼',
    '安娜斯塔西娅 ABH 眉笔',
    'JM 手表 男',
    '540ml 矿泉水',
    '兽首 铜像 摆件',
    '蓝色地中海 抱枕',
    'fresh 清新 水果 面膜 补水',
    'fresh 薄荷 润唇膏 学生',
    'benefit 福利 眼影盘',
    'origins 起源 游戏 手办',
    'Albion 英格兰 T恤',
    'ipsa 瑜伽垫',
    '纳西索 水仙花 种球',
    '泥娃娃 儿童 玩具',
    '时空胶囊 纪念 礼物',
    '雅顿 酒店 床品 四件套',
    '苏秘 国画 装饰画',
  ])('%s → no brand', (title) => {
    expect(brandOf(title)).toBeNull();
  });
});

describe('names shared with other brands and words', () => {
  it('Hourglass beside a bag is Balenciaga\'s Hourglass bag, not the make-up brand', () => {
    expect(verdictOf('hourglass 手袋 女', 300)).toMatchObject({ brand: 'balenciaga', risk: 'low' });
    expect(brandOf('Hourglass 五花肉 腮红')).toBe('hourglass');
  });

  it('a brand name written against 香水 leaves the category known, so the price is compared', () => {
    expect(verdictOf('克雷德香水 100ml', 99)).toMatchObject({ brand: 'creed', risk: 'high' });
  });

  it('馥马尔香水出版社 is the perfume house, not a book', () => {
    expect(verdictOf('馥马尔香水出版社 一轮玫瑰 50ml', 2000).reasons.map((reason) => reason.code)).not.toContain('about');
  });
});

describe('a hero product named without its brand is a lookalike, never high', () => {
  it.each([
    ['神仙水 230ml 精华液 平替', 'sk_ii'],
    ['小棕瓶 精华 同款', 'estee_lauder'],
    ['黑绷带面霜 平替', 'helena_rubinstein'],
    ['英国梨与小苍兰香水 女士 持久', 'jo_malone'],
    ['百家乐540 香水 平替', 'maison_francis_kurkdjian'],
    ['天气丹 面霜', 'history_of_whoo'],
  ])('%s → lookalike %s', (title, brand) => {
    const verdict = verdictOf(title, 29);
    expect(verdict).toMatchObject({ brand, risk: 'low' });
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['lookalike']);
  });
});

describe('beauty price floors', () => {
  it.each([
    ['海蓝之谜 神奇面霜 60ml 保湿修护', 199, 'la_mer'],
    ['SK2神仙水 230ml', 90, 'sk_ii'],
    ['雅诗兰黛小棕瓶精华 50ml 第七代', 199, 'estee_lauder'],
    ['兰蔻小黑瓶精华肌底液 30ml', 99, 'lancome'],
    ['赫莲娜黑绷带面霜 50ml', 260, 'helena_rubinstein'],
    ['兰蔻菁纯口红 196', 45, 'lancome'],
    ['科颜氏高保湿面霜 50ml', 29, 'kiehls'],
    ['byredo 无人区玫瑰 香水 50ml', 199, 'byredo'],
    ['creed 拿破仑之水 aventus 100ml', 299, 'creed'],
    ['植村秀 砍刀眉笔', 39, 'shu_uemura'],
    ['奥伦纳素 冰白面膜 单片', 29, 'erno_laszlo'],
    ['estee lauder DW粉底液 30ml', 59, 'estee_lauder'],
  ])('%s at ¥%d is far below what a genuine %s costs: high', (title, price, brand) => {
    const verdict = verdictOf(title, price);
    expect(verdict).toMatchObject({ brand, risk: 'high' });
    expect(verdict.reasons.map((reason) => reason.code)).toContain('price-far-below-floor');
  });

  it.each([
    ['海蓝之谜神奇面霜 30ml', 1500],
    ['雅诗兰黛小棕瓶精华 50ml 第七代', 680],
    ['SK-II 前男友面膜 1片', 70],
    ['Jo Malone 蓝风铃 香水 30ml', 650],
    ['科颜氏高保湿面霜 50ml', 230],
    ['资生堂 红腰子 精华 50ml', 620],
    ['海南免税 SK-II神仙水 230ml', 1000],
    ['海蓝之谜 精粹水 30ml 旅行装', 260],
    ['希思黎 全能乳液 15ml', 200],
    ['Creed 拿破仑之水 aventus 50ml 代购', 950],
    ['Aesop 伊索 室内香氛喷雾 100ml', 350],
    ['雅诗兰黛 DW粉底液 30ml 代购', 280],
  ])('%s at ¥%d is a plausible genuine price: low', (title, price) => {
    expect(verdictOf(title, price).risk).toBe('low');
  });

  it('holds a sample to the sample floor, not to the full size\'s', () => {
    expect(verdictOf('SK-II神仙水 10ml 小样', 40).risk).toBe('low');
    expect(verdictOf('la mer 神奇面霜 7ml 中样', 300).risk).toBe('low');
    expect(verdictOf('海蓝之谜面霜 小样 3.5ml', 60).risk).toBe('low');
    expect(verdictOf('祖玛珑 香水 小样 1.5ml', 5).risk).toBe('high');
  });

  it('does not compare prices in the brand\'s own Tmall store', () => {
    const verdict = verdictOf('雅诗兰黛 小棕瓶 100ml', 300, 'ESTEE LAUDER雅诗兰黛官方旗舰店');
    expect(verdict.risk).toBe('low');
    expect(verdict.reasons.map((reason) => reason.code)).toContain('authorised-shop');
  });

  it('reads a hero product that holds a category word (幸福面膜, 全能乳液) as that category', () => {
    expect(verdictOf('法尔曼 幸福面膜 50ml', 299).reasons.map((reason) => reason.code)).toContain('price-below-floor');
    expect(verdictOf('希思黎全能乳液 125ml', 299).risk).toBe('high');
  });

  it('knows Whoo\'s Tmall store, whose name holds no name of the brand', () => {
    expect(verdictOf('后天气丹 面霜 50ml', 80).risk).toBe('medium');
    expect(verdictOf('后天气丹 面霜 50ml', 80, '后官方旗舰店').reasons.map((reason) => reason.code)).toContain('authorised-shop');
  });

  it('does not price Shiseido\'s mass-market lines as the luxury brand', () => {
    expect(verdictOf('资生堂 美润护手霜 100g', 29).risk).toBe('none');
  });
});
