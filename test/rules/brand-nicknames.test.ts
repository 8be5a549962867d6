/**
 * The fashion and streetwear brand data (brands-fashion.json, brands-streetwear.json) and the core
 * lexicons they lean on: nicknames, styles, squatters, model nicknames, short codes that mean one
 * brand or another by what is sold, beauty floors of the fashion houses, and ordinary titles that
 * contain a brand-like word and must stay brand-free.
 */
import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_RULES, listing } from './builtin-rules';

const assess = (title: string, price?: number, shop?: string) => assessListing(listing(title, price, shop), BUILTIN_RULES);
const codes = (title: string, price?: number, shop?: string): string[] => assess(title, price, shop).reasons.map((reason) => reason.code);

describe('nicknames name the brand as the maker', () => {
  it.each([
    ['香家 菱格 链条包', 'chanel'],
    ['D家 新款 太阳镜 女', 'dior'],
    ['蔻家 经典 字母 项链', 'coach'],
    ['COA 老花 斜挎包', 'coach'],
    ['谬家 百褶裙 半身裙', 'miu_miu'],
    ['P家 尼龙包 腋下包', 'prada'],
    ['F家 法棍包 女', 'fendi'],
    ['B家 老爹鞋 男', 'balenciaga'],
    ['巴家 卫衣 男女', 'balenciaga'],
    ['B家 格纹 风衣 外套', 'burberry'],
    ['西太后 土星 项链', 'vivienne_westwood'],
    ['阿尼 红管 口红 405', 'giorgio_armani'],
    ['萝卜丁 口红 女', 'christian_louboutin'],
    ['狗牙 托特包 大号', 'goyard'],
    ['麦昆 小白鞋 女', 'alexander_mcqueen'],
    ['大鹅 羽绒服 男 加厚', 'canada_goose'],
    ['猿人头 迷彩 卫衣', 'bape'],
    ['川久保玲 爱心 T恤', 'comme_des_garcons'],
    ['克罗心 十字 戒指 925银', 'chrome_hearts'],
    ['始祖鸟 冲锋衣 男', 'arcteryx'],
  ])('%s → %s', (title, brand) => {
    const verdict = assess(title, 5000);
    expect(verdict.brand).toBe(brand);
    expect(verdict.reasons.map((reason) => reason.code)).not.toContain('lookalike');
  });

  it('a nickname that needs a category is vouched for by one of its own models ("B家 沙漏包": a Balenciaga bag)', () => {
    expect(assess('B家 沙漏包 高版本', 330)).toMatchObject({ brand: 'balenciaga', risk: 'high' });
    expect(assess('巴家 机车包 原厂皮 一件代发', 360)).toMatchObject({ brand: 'balenciaga', risk: 'high' });
    // Neither word alone claims the brand: B家 needs what is sold, and 沙漏包 alone is a lookalike.
    expect(assess('B家 高版本 新款', 330).brand).toBeNull();
    expect(assess('沙漏包 女 斜挎', 330)).toMatchObject({ brand: 'balenciaga', risk: 'low' });
  });

  it('a nickname with factory wording is flagged, and says both', () => {
    const verdict = assess('香家 新款 链条包 源头工厂 一件代发', 8000);
    expect(verdict).toMatchObject({ brand: 'chanel', risk: 'medium' });
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['factory-wording', 'indirect-name']));
  });

  it('a nickname with replica wording and a cheap price is high', () => {
    expect(assess('西太后 高版本 土星 项链 厂家直销', 38)).toMatchObject({ brand: 'vivienne_westwood', risk: 'high' });
    expect(assess('D家 外贸 跨境爆款 墨镜 工厂', 18)).toMatchObject({ brand: 'dior', risk: 'high' });
  });
});

describe('styles and model nicknames without a brand name are lookalikes', () => {
  it.each([
    ['小香风 粗花呢 外套 女', 'chanel'],
    ['法式香风 针织开衫', 'chanel'],
    ['小金条 口红 哑光 平价', 'saint_laurent'],
    ['小黑条 唇膏 滋润', 'saint_laurent'],
    ['鲶鱼包 真皮 手提包', 'celine'],
    ['翅膀包 女 单肩包', 'celine'],
    ['小脏鞋 女 板鞋', 'golden_goose'],
    ['box logo T恤 短袖', 'supreme'],
  ])('%s → a %s lookalike, low', (title, brand) => {
    const verdict = assess(title, 59);
    expect(verdict).toMatchObject({ brand, risk: 'low' });
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['lookalike']);
  });

  it('a style word with surplus or replica wording names no brand to copy: still a lookalike, never high', () => {
    expect(assess('小香风 外套 女 外贸原单 尾单 清仓', 89)).toMatchObject({ brand: 'chanel', risk: 'low' });
    expect(assess('小香 菱格 链条包 高版本', 199)).toMatchObject({ brand: 'chanel', risk: 'high' });
  });

  it('小香风 beside the brand name is still its style: a lookalike', () => {
    expect(assess('香奈儿 小香风 外套', 199)).toMatchObject({ brand: 'chanel', risk: 'low' });
  });

  it('lulu同款 and GM同款 are lookalikes of Lululemon and Gentle Monster', () => {
    expect(assess('瑜伽 卫衣 女 lulu同款', 78)).toMatchObject({ brand: 'lululemon', risk: 'low' });
    expect(assess('GM同款 墨镜 女 复古', 79)).toMatchObject({ brand: 'gentle_monster', risk: 'low' });
  });

  it('a model nickname beside the brand name is the brand: YSL 小金条 at a fair price is low', () => {
    expect(assess('YSL 圣罗兰 小金条 口红 21', 330)).toMatchObject({ brand: 'saint_laurent', risk: 'low' });
    expect(codes('YSL 圣罗兰 小金条 口红 21', 330)).not.toContain('lookalike');
  });
});

describe('squatter names pass as the brand', () => {
  it.each(['迪奥曼尼 口红 哑光 礼盒', '迪奥莎 口红 丝绒 大牌'])('%s → Dior, medium even at a fair price', (title) => {
    const verdict = assess(title, 358);
    expect(verdict).toMatchObject({ brand: 'dior', risk: 'medium' });
    expect(verdict.reasons.map((reason) => reason.code)).toContain('squatter-name');
  });
});

describe('beauty floors of the fashion houses (~45 % of the China boutique price)', () => {
  it.each([
    ['Dior迪奥 口红 999 丝绒', 'dior'],
    ['Chanel香奈儿 口红 唇釉 豆沙色', 'chanel'],
    ['YSL圣罗兰 口红 方管 1966', 'saint_laurent'],
    ['Gucci古驰 金管 口红 505', 'gucci'],
    ['纪梵希 小羊皮 口红 N37', 'givenchy'],
    ['华伦天奴 口红 哑光', 'valentino'],
    ['Tom Ford 汤姆福特 口红 16', 'tom_ford'],
  ])('%s at ¥138 from a personal shop is flagged on price', (title, brand) => {
    const verdict = assess(title, 138, '某某美妆小店');
    expect(verdict.brand).toBe(brand);
    expect(['medium', 'high']).toContain(verdict.risk);
    expect(verdict.reasons.map((reason) => reason.code).some((code) => code.startsWith('price-'))).toBe(true);
  });

  it('a lipstick at a plausible 代购 price is not flagged', () => {
    expect(assess('Dior迪奥 口红 999 哑光 正品', 268, '日本代购小店').risk).toBe('low');
    expect(assess('日本专柜 CHANEL 香奈儿 唇釉 口红', 330, '某某小店').risk).toBe('low');
  });

  it('the platform\'s own shops are trusted: no price comparison', () => {
    const verdict = assess('【自营】Gucci古驰 金管 口红 505', 138, '天猫国际进口超市');
    expect(verdict.risk).toBe('low');
    expect(verdict.reasons.map((reason) => reason.code)).toContain('trusted-shop');
  });

  it('a Hermès 15 ml travel spray is held to the travel-size floor', () => {
    expect(assess('Hermes爱马仕 淡香水 15ml 便携', 158, '某某小店').risk).toBe('low');
  });
});

describe('outlet brands are judged against outlet prices', () => {
  it('a Coach wristlet at an outlet price is low, a Coach bag at ¥80 is high', () => {
    expect(assess('Coach 蔻驰 碎花 手拿包', 199).risk).toBe('low');
    expect(assess('Coach 蔻驰 斜挎包 女', 80).risk).toBe('high');
  });

  it('a brand\'s outlet store (工厂店) is not factory wording', () => {
    expect(codes('美国 coach 工厂店 代购 斜挎包', 399)).not.toContain('factory-wording');
  });

  it('多卡槽 makes an envelope bag a wallet, held to the wallet floor', () => {
    expect(assess('Prada 普拉达 长款 信封包 多卡槽', 1800).risk).toBe('low');
  });
});

describe('short codes and shared names resolve by what is sold', () => {
  it.each([
    ['TB 托特包 女', 'tory_burch'],
    ['TB 针织开衫 四杠', 'thom_browne'],
    ['阿玛尼 口红 红管', 'giorgio_armani'],
    ['阿玛尼 手表 男 石英', 'emporio_armani'],
    ['CDG 卫衣 爱心', 'comme_des_garcons'],
    ['CD 项链 女', 'dior'],
    ['GM 墨镜 女', 'gentle_monster'],
    ['TF 口红 哑光', 'tom_ford'],
    ['CK 内裤 男 平角裤', 'calvin_klein'],
    ['MCM 双肩包 印花', 'mcm'],
    ['VW 土星 项链', 'vivienne_westwood'],
    ['essentials 卫衣 男', 'fear_of_god'],
    ['三宅一生 bao bao 托特包', 'issey_miyake'],
    ['鬼冢虎 mexico66 板鞋', 'onitsuka_tiger'],
  ])('%s → %s', (title, brand) => {
    expect(assess(title, 5000).brand).toBe(brand);
  });

  it('GM厂 is a watch factory, not Gentle Monster', () => {
    expect(assess('GM厂 手表 男', 500).brand).not.toBe('gentle_monster');
  });
});

describe('children\'s lines are held to their own floor', () => {
  it('a Gucci children\'s T-shirt at a 代购 price is low, at ¥300 high; 儿童节 is not a children\'s item', () => {
    expect(assess('Gucci 古驰 童装 T恤 儿童', 1400).risk).toBe('low');
    expect(assess('Gucci 古驰 童装 T恤 儿童', 300).risk).toBe('high');
    expect(assess('Gucci 古驰 女包 儿童节 礼物', 1500).risk).toBe('high');
  });
});

describe('fine jewellery of the fashion houses', () => {
  it('gold is held to the gold floor, costume jewellery to its own', () => {
    expect(assess('香奈儿 18K金 Coco Crush 戒指', 3000).risk).toBe('high');
    expect(assess('香奈儿 CC 耳钉 女', 3000).risk).toBe('low');
  });
});

describe('复刻 beside an archive year is a re-edition, not a replica', () => {
  it('a genuine Re-Edition 2005 at its price is low; a cheap one is still flagged on price', () => {
    expect(assess('Prada 普拉达 Re-Edition 2005 复刻 尼龙 腋下包', 9000).risk).toBe('low');
    expect(assess('Prada 普拉达 Re-Edition 2005 复刻 尼龙 腋下包', 400).risk).toBe('high');
    expect(codes('Prada 复刻 尼龙包 腋下包', 500)).toContain('counterfeit-term');
  });
});

describe('pens: Montblanc refills are made for the pen', () => {
  it('a refill is not held to the pen floor; a replica pen is high', () => {
    expect(assess('万宝龙 笔芯 宝珠笔芯 2支', 90)).toMatchObject({ brand: 'montblanc', risk: 'low' });
    expect(assess('万宝龙 钢笔 大班 149 高仿', 300)).toMatchObject({ brand: 'montblanc', risk: 'high' });
  });
});

describe('ordinary titles with brand-like words name no brand', () => {
  it.each([
    '铁锅炖大鹅 东北特产',
    '幼儿园大班书包 儿童双肩包',
    '满22包邮 斜挎包 女',
    '阿尼亚 手机壳 间谍过家家',
    '闪电麦昆 童鞋 男童 运动鞋',
    'TF卡 128G 高速内存卡',
    '大众VW 钥匙包 真皮',
    '狗牙格 手提包 复古',
    '90白鹅绒 羽绒服 女 大鹅绒',
    '缪家村 土特产 腊肉',
    '书香家 实木书架',
    '檀香家具 摆件',
    '足金小金条吊坠 黄金',
    'Supreme 披萨 必胜客',
    '阿迪达斯 superstar 贝壳头 板鞋',
    'acne 祛痘 面膜',
    'FOG 雾灯 汽车 LED',
    '2 TB 移动硬盘 移动硬盘包',
    'Kate Moss 同款 包包',
    'mulberry silk 真丝 眼罩',
    '复古1996 夹克 男',
    '楼房北面 窗帘',
    '真我 T恤 文化衫',
    '始祖鸟 化石 模型 恐龙',
    '清香风味 花生',
    '花香风格 香水 女 持久',
    '自画像 self portrait 油画',
    '高版型 西装 男 修身',
    '小香 夹棉 外套 女',
  ])('%s → no brand', (title) => {
    expect(assess(title, 99).brand).toBeNull();
  });
});
