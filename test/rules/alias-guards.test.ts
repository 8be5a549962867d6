import { describe, expect, it } from 'vitest';
import { assessListing } from '../../lib/rules/assess-listing';
import { BUILTIN_RULES, listing } from './builtin-rules';

const brandOf = (title: string): string | null => assessListing(listing(title, 5000), BUILTIN_RULES).brand;

describe('brand aliases are found however they are written', () => {
  it.each([
    ['GUCCI古驰 女包 马衔扣', 'gucci'],
    ['古奇 酒神包', 'gucci'],
    ['G家 双G 卫衣', 'gucci'],
    ['Ｇ Ｕ Ｃ Ｃ Ｉ 腋下包', 'gucci'],
    ['g-u-c-c-i 托特包', 'gucci'],
    ['Louis Vuitton 钱包', 'louis_vuitton'],
    ['louisvuitton 钱包', 'louis_vuitton'],
    ['驴家 新款 托特包', 'louis_vuitton'],
    ['香奶奶 链条包', 'chanel'],
    ['C家 链条包', 'chanel'],
    ['Hermès 丝巾', 'hermes'],
    ['愛馬仕 凱莉包', 'hermes'],
    ['YSL 圣罗兰 口红', 'saint_laurent'],
    ['Tod’s 豆豆鞋', 'tods'],
    ['Chloé 马鞍包', 'chloe'],
    ['蒙口 羽绒服', 'moncler'],
    ['Gucci2024新款 腰带', 'gucci'],
  ])('%s → %s', (title, brand) => {
    expect(brandOf(title)).toBe(brand);
  });
});

describe('short codes count only as separate words next to a category word', () => {
  it.each([
    ['LV 包包 女 斜挎包', 'louis_vuitton'],
    ['MK 女包 斜挎', 'michael_kors'],
    ['CC 链条包 菱格', 'chanel'],
    ['GG 腰带 男', 'gucci'],
    ['BV 编织包 腋下包', 'bottega_veneta'],
    ['CD 项链 女', 'dior'],
    ['VCA 项链 四叶草', 'van_cleef_arpels'],
    ['LV5 锂电池 18650', null],
    ['LV5 电池 女包', null],
    ['MK2 相机滑轨 电动', null],
    ['MK 2代 电动滑轨', null],
    ['CD机 复古 蓝牙', null],
    ['CD唱片 周杰伦 专辑', null],
    ['CC霜 遮瑕', null],
    ['CF卡 64G 单反', null],
    ['PP棉 抱枕', null],
    ['GG Bond 猪猪侠 玩具', null],
    ['ACCESSORIES 女包', null],
    ['leggings 女 裤子', null],
    ['CDG 川久保玲 T恤', 'comme_des_garcons'],
    ['5G家庭 路由器', null],
    ['LV 2024新款', null],
  ])('%s → %s', (title, brand) => {
    expect(brandOf(title)).toBe(brand);
  });
});

describe('colours, styles and other products that contain a brand name are not the brand', () => {
  it.each([
    '爱马仕橙 口红 哑光',
    '爱马仕橙色 羊毛围巾',
    '迪奥红 指甲油',
    '蒂芙尼蓝 礼盒',
    'tiffany蓝 气球',
    '老花镜 男 高清',
    '老花眼镜 折叠',
    'OMEGA-3 深海鱼油',
    'omega3 鱼油',
    '穿Prada的女王 DVD',
    '穿普拉达的女王 小说',
    '海马 汽车 雨刮器',
    '超霸 电池 5号',
    '四叶草 发夹 抓夹',
    '小香肠 烤肠',
    '斜挎包 链条包 女',
  ])('%s → no brand', (title) => {
    expect(brandOf(title)).toBeNull();
  });
});

describe('a style word is the brand\'s style, not the brand', () => {
  it('小香风 makes a Chanel lookalike: the brand is known, the risk stays low', () => {
    const verdict = assessListing(listing('小香风外套 女 粗花呢', 59), BUILTIN_RULES);
    expect(verdict).toMatchObject({ brand: 'chanel', risk: 'low' });
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['lookalike']);
  });
});

describe('Latin names must not run into other letters', () => {
  it.each([
    ['diorama 模型', null],
    ['stagecoach 巴士 模型', null],
    ['dior rose 香水', 'dior'],
    ['DIOR2024 新款 香水', 'dior'],
  ])('%s → %s', (title, brand) => {
    expect(brandOf(title)).toBe(brand);
  });
});

describe('when several brands are named', () => {
  it('the brand named most often wins, then the one named first', () => {
    expect(brandOf('Gucci 古驰 酒神包 适合 LV 老花 爱好者')).toBe('gucci');
    expect(brandOf('迪奥 香奈儿 口红 套装')).toBe('dior');
  });

  it('a short code never beats a brand named outright', () => {
    expect(brandOf('BV厂 劳力士 手表')).toBe('rolex');
    expect(brandOf('LV 包包 古驰 同款')).toBe('gucci');
  });
});
