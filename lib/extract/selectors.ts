/**
 * Every Taobao/Tmall selector, in one place. Alternatives are in order of preference; each names the
 * page generation it serves (see shared/taobao-pages.md). test/extract/selectors.test.ts checks that
 * each alternative matches at least one fixture page, so a dead selector is noticed.
 */
import { css, hashed, type Selector } from './selector';

export const ITEM_PAGE = {
  title: [
    hashed('mainTitle'), // unprefixed h1.mainTitle-- (Sep 2024–) and prefixed ItemHeader--mainTitle-- (2022–24)
    css('#J_Title .tb-main-title'), // old Taobao (–2022)
    css('.tb-detail-hd h1'), // old Tmall (–2022)
  ],
  price: [
    hashed('highlightPrice'), // unprefixed: the current price (after a discount, subPrice-- holds the original)
    hashed('extraPriceText'), // prefixed: promotion price, shown instead of the list price when present
    hashed('priceText'), // prefixed Price--priceText-- and Tmall HK SecurityPrice--priceText--
    hashed('block2'), // "simplified" unprefixed variant: the price only appears in block2--
    css('.tm-promo-price .tm-price'), // old Tmall: promotion price
    css('.tm-price'), // old Tmall: list price
    css('#J_PromoPriceNum'), // old Taobao: promotion price
    css('.tb-rmb-num'), // old Taobao: list price
  ],
  shopName: [
    hashed('shopName', 'span'), // unprefixed span.shopName-- (name also in title)
    hashed('shopName'), // prefixed ShopHeaderNew--shopName--
    css('[class*="ShopHeader--title--"]'), // prefixed ShopHeader--title-- (name also in title)
    css('.slogo-shopname'), // old Tmall
    css('.tb-shop-name'), // old Taobao
  ],
  shopLink: [
    hashed('detailWrap', 'a'), // unprefixed: the shop block is itself the link
    css('[class*="ShopHeader"] a[href]'), // prefixed ShopHeader-- / ShopHeaderNew--
    css('a.slogo-shopname[href]'), // old Tmall
    css('.tb-shop-name a[href]'), // old Taobao
  ],
  sales: [
    hashed('salesDesc'), // unprefixed salesDesc-- and prefixed ItemHeader--salesDesc--
    css('#J_SellCounter'), // old Taobao
    css('.tm-ind-sellCount .tm-count'), // old Tmall
  ],
  location: [
    hashed('deliveryAddrWrap'), // unprefixed: "浙江嘉兴 至 北京市"
    css('[class*="delivery-from-addr"]'), // prefixed
  ],
  image: [
    css('#picGalleryEle [class*="mainPic--"]'), // unprefixed gallery
    hashed('mainPic'), // prefixed PicGallery--mainPic--
    css('#J_UlThumb img'), // old Taobao and Tmall thumbnails
    css('#J_ImgBooth'), // old Taobao and Tmall main image
  ],
  /** A sticky header repeats title and price: never read from it. */
  stickyBar: [hashed('ItemHeadFixed')],
} satisfies Record<string, Selector[]>;

/**
 * Mobile item pages (main.m.taobao.com, detail.m.tmall.com, h5.m.taobao.com). shared/taobao-pages.md
 * records no mobile DOM; these follow the rendered h5 detail page saved in the fixtures.
 */
export const MOBILE_ITEM_PAGE = {
  title: [hashed('itemTitle')], // h5 detail: h1.itemTitle--
  price: [hashed('priceText')], // h5 detail: priceWrap-- > priceText-- (the coupon price when one applies)
  sales: [hashed('salesCount')], // "已售 3000+", "月销 10"
  location: [hashed('deliveryFrom')], // ship-from
  shopName: [hashed('shopName')], // inside the shopCard-- link
  shopLink: [hashed('shopCard', 'a')], // shop.m.taobao.com/shop/shop_index.htm?shop_id=N
  image: [hashed('headPicImg')], // first image of the head gallery
  /** "看了又看" / "店铺推荐" tiles repeat prices and titles of other items. */
  recommendations: [hashed('recommend')],
} satisfies Record<string, Selector[]>;

export const SEARCH_CARD = {
  card: [
    hashed('doubleCardWrapperAdapt', 'a'), // 2025: a.doubleCardWrapperAdapt--[id^=item_id_]
    hashed('doubleCardWrapper', 'a'), // 2023–24: a.Card--doubleCardWrapper--
    hashed('doubleCardWrapperMall', 'a'), // 2023–24 Tmall tab: Card--doubleCardWrapperMall--
  ],
  title: [
    hashed('title'), // 2025 title-- (with title attr) and 2023–24 Title--title--
  ],
  priceInt: [hashed('priceInt')], // 2023–24 Price--priceInt--, 2025 priceInt--
  priceFloat: [hashed('priceFloat')], // both generations
  sales: [hashed('realSales')], // 2023–24 Price--realSales--, 2025 realSales--
  location: [
    css('[class*="procity--"] span'), // 2025: procity-- wraps one span per part
    hashed('procity'), // 2023–24: Price--procity-- twice (province, city)
  ],
  shopName: [
    hashed('shopNameText'), // 2025 shopNameText-- inside the shopName-- link; 2023–24 ShopInfo--shopNameText--
    hashed('shopName'), // 2023–24 ShopInfo--shopName-- without an inner text span
  ],
  shopLink: [
    hashed('shopName', 'a'), // both generations: the shop link (split out of the card by the HTML parser)
  ],
  image: [
    hashed('mainPic', 'img'), // 2025 organic card image
    hashed('mainP4pPic', 'img'), // 2025 ad card image
    css('img[class*="MainPic--mainPic--"]'), // 2023–24
  ],
  /** The 2025 ad marker: the image class says P4P (pay for performance). */
  adImage: [hashed('mainP4pPic')],
} satisfies Record<string, Selector[]>;

/** Classic shop pages: the shop's own search/category grid. */
export const SHOP_GRID = {
  item: [css('.J_TItems dl.item[data-id]')], // classic Taobao and Tmall shop grid
  title: [css('dd.detail a.item-name')],
  price: [css('.cprice-area .c-price'), css('.c-price')],
  sales: [css('.sale-area .sale-num')],
  image: [css('dt.photo img')],
  shopName: [
    css('.shop-name-link'), // Taobao shop header
    css('.slogo-shopname'), // Tmall shop header
    css('.shop-name'), // generic shop header
  ],
} satisfies Record<string, Selector[]>;

/** Verification, captcha and throttling layers: on such a page nothing is extracted. */
export const BLOCKED_PAGE = [
  css('#baxia-dialog-content'), // baxia verification dialog
  css('.nc-container'), // slider captcha
  css('#nc_1_wrapper'), // slider captcha
  css('[id*="nocaptcha"]'), // no-captcha widget
  css('.J_MIDDLEWARE_FRAME_WIDGET'), // middleware verification frame
  hashed('UnusualStatus'), // "unusual traffic" block in the unprefixed generation
  css('iframe[src*="punish"], iframe[src*="captcha"], iframe[src*="x5sec"], iframe[src*="login.taobao.com"]'),
] satisfies Selector[];
