import { describe, expect, it } from 'vitest';
import { scratchFor } from '../../lib/rules/assessment-scratch';
import { readTitle, type BrandRole } from '../../lib/rules/title-analysis';
import { ENGINE_RULES } from './engine-pack';

function read(title: string): { brand: string | null; role: BrandRole; via: string; categories: string[]; materials: string[] } {
  const scratch = scratchFor(ENGINE_RULES);
  const reading = readTitle(ENGINE_RULES, scratch, title);
  const categories = Array.from(scratch.touchedCategories.subarray(0, scratch.touchedCategoryCount), (c) => ENGINE_RULES.categories[c]?.id ?? '?');
  const materials = Array.from(scratch.touchedMaterials.subarray(0, scratch.touchedMaterialCount), (m) => ENGINE_RULES.materials[m]?.id ?? '?');
  return { brand: reading.brand === -1 ? null : (ENGINE_RULES.brands[reading.brand]?.id ?? null), role: reading.role, via: reading.via, categories, materials };
}

describe('what a title sells', () => {
  it.each([
    ['阿斯特 女包 斜挎包', ['bag']],
    ['阿斯特 长款钱包 卡包', ['small-leather-goods']],
    ['阿斯特 口红 唇膏', ['lipstick']],
    ['阿斯特 羊毛大衣', ['outerwear']],
    ['阿斯特 手机壳', ['phone-accessory']],
  ])('%s → %j', (title, categories) => {
    expect(read(title).categories).toEqual(categories);
  });

  it('tells the material apart, a plated one from solid gold', () => {
    expect(read('阿斯特 18K金 项链').materials).toEqual(['precious-metal']);
    expect(read('阿斯特 镀18K金 项链').materials).toEqual(['base-metal']);
    expect(read('阿斯特 S925银 耳钉').materials).toEqual(['silver']);
  });
});

describe('who the brand is to the listing', () => {
  it.each<[string, string | null, BrandRole, string]>([
    ['阿斯特 女包 斜挎包', 'aster', 'maker', 'name'],
    ['A家 新款 斜挎包', 'aster', 'maker', 'nickname'],
    ['阿斯特拉 口红', 'aster', 'maker', 'squatter'],
    ['AT 斜挎包', 'aster', 'maker', 'code'],
    // lookalikes: wording right next to the brand, a style, a design without the name, a dupe
    ['阿斯特同款 斜挎包', 'aster', 'lookalike', 'name'],
    ['阿斯特风 外套', 'aster', 'lookalike', 'name'],
    ['类阿斯特 链条包', 'aster', 'lookalike', 'name'],
    ['阿斯特 平替 口红', 'aster', 'lookalike', 'name'],
    ['小阿风 外套', 'aster', 'lookalike', 'style'],
    ['诺瓦包 女 斜挎包', 'aster', 'lookalike', 'model'],
    ['冰川 男士 手表', 'boreal', 'lookalike', 'model'],
    // made for, about, motif
    ['适用阿斯特 内胆包 收纳', 'aster', 'made-for', 'name'],
    ['阿斯特 包包 清洗 保养', 'aster', 'about', 'name'],
    ['阿斯特 传记 图书', 'aster', 'about', 'name'],
    ['星纹 项链 女', 'aster', 'motif', 'motif'],
  ])('%s → %s as %s (by %s)', (title, brand, role, via) => {
    expect(read(title)).toMatchObject({ brand, role, via });
  });

  it('counterfeit slang makes a claim of the brand, whatever else the title says', () => {
    expect(read('高仿 阿斯特同款 斜挎包')).toMatchObject({ brand: 'aster', role: 'maker' });
    expect(read('诺瓦包 原单 斜挎包')).toMatchObject({ brand: 'aster', role: 'maker', via: 'model' });
  });

  it('a celebrity\'s 同款 or a unisex 男女同款 is not a lookalike claim', () => {
    expect(read('阿斯特 明星同款 斜挎包').role).toBe('maker');
    expect(read('倪妮同款 阿斯特 斜挎包').role).toBe('maker');
    expect(read('阿斯特 男女同款 卫衣').role).toBe('maker');
  });

  it('a design or motif word alone counts only beside something the brand makes', () => {
    expect(read('冰川 矿泉水 饮用水').brand).toBeNull();
    expect(read('星纹 发夹 抓夹').brand).toBeNull();
    expect(read('星纹 项链').brand).toBe('aster');
  });

  it('an ambiguous model name needs one of the brand\'s categories', () => {
    expect(read('ava 手机壳').brand).toBeNull();
    expect(read('ava 单肩包').brand).toBe('aster');
  });

  it('a code counts only with a category the brand sells, and a shared code goes by the category', () => {
    expect(read('AT 手机壳').brand).toBeNull();
    expect(read('CV 斜挎包').brand).toBe('cobalt');
    expect(read('CV 石英表 女').brand).toBe('corvo');
    expect(read('CV 新款').brand).toBeNull();
  });

  it('a word that shows the name means something else leaves no brand', () => {
    expect(read('aster 天文望远镜 手机支架').brand).toBeNull();
  });

  it('picks the brand named most, then the one named first; a design never beats a name', () => {
    expect(read('博瑞尔 阿斯特 阿斯特 斜挎包').brand).toBe('aster');
    expect(read('博瑞尔 阿斯特 手表').brand).toBe('boreal');
    expect(read('冰川 阿斯特 手表').brand).toBe('aster');
  });
});
