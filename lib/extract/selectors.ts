/**
 * Every Taobao/Tmall selector, in one place. Alternatives are in order of preference; each names the
 * page generation it serves (see shared/taobao-pages.md) and where it matches, how often: on the
 * synthetic fixture pages (test/extract/selectors.test.ts checks every count, and that it matches
 * nothing elsewhere) and on the real saved pages (`npm run eval` checks those). A selector that matches
 * only the synthetic page written for it, and no real page, says so here.
 */
import { css, hashed, type Selector } from './selector';

export const ITEM_PAGE = {
  title: [
    // unprefixed h1.mainTitle-- (Sep 2024–) and prefixed ItemHeader--mainTitle-- (2022–24)
    hashed('mainTitle', {
      fixtures: { 'item-under-unusual-notice': 1, 'pc-item-2026-ice-indirect': 2, 'pc-item-taobao-prefixed': 1, 'pc-item-taobao-simplified': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-tmallhk-prefixed': 1, 'pc-item-world': 1 },
      real: { 'item-2026-a': 2, 'item-2026-b': 2 },
    }),
    // old Taobao (–2022)
    css('#J_Title .tb-main-title', {
      fixtures: { 'pc-item-taobao-old': 1 },
      real: { 'item-2020-a': 1 },
    }),
    css('.tb-detail-hd h1', { fixtures: { 'pc-item-tmall-old': 1 } }), // old Tmall (–2022)
  ],
  price: [
    // unprefixed: the current price (after a discount, subPrice-- holds the original)
    hashed('highlightPrice', {
      fixtures: { 'item-under-unusual-notice': 1, 'pc-item-2026-ice-indirect': 2, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-world': 1 },
      real: { 'item-2026-a': 2, 'item-2026-b': 2 },
    }),
    // prefixed: promotion price, shown instead of the list price when present
    hashed('extraPriceText', {
      fixtures: { 'pc-item-taobao-prefixed': 1 },
    }),
    // prefixed Price--priceText-- and Tmall HK SecurityPrice--priceText--
    hashed('priceText', {
      fixtures: { 'mobile-item-taobao': 3, 'mobile-item-tmall': 2, 'pc-item-taobao-prefixed': 1, 'pc-item-tmallhk-prefixed': 1 },
    }),
    // "simplified" unprefixed variant: the price only appears in block2--
    hashed('block2', {
      fixtures: { 'pc-item-2026-ice-indirect': 1, 'pc-item-taobao-simplified': 1 },
      real: { 'item-2026-a': 1, 'item-2026-b': 1 },
    }),
    css('.tm-promo-price .tm-price', { fixtures: { 'pc-item-tmall-old': 1 } }), // old Tmall: promotion price
    css('.tm-price', { fixtures: { 'pc-item-tmall-old': 2 } }), // old Tmall: list price
    css('#J_PromoPriceNum', { fixtures: { 'pc-item-taobao-old': 1 } }), // old Taobao: promotion price
    // old Taobao: list price
    css('.tb-rmb-num', {
      fixtures: { 'pc-item-taobao-old': 2 },
      real: { 'item-2020-a': 1 },
    }),
  ],
  shopName: [
    // unprefixed span.shopName-- (name also in title)
    hashed('shopName', {
      fixtures: { 'item-under-unusual-notice': 1, 'pc-item-2026-ice-indirect': 1, 'pc-item-taobao-simplified': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-tmallhk-prefixed': 1, 'pc-item-world': 1 },
      real: { 'item-2026-a': 1, 'item-2026-b': 1 },
    }, 'span'),
    // prefixed ShopHeaderNew--shopName--
    hashed('shopName', {
      fixtures: { 'item-under-unusual-notice': 1, 'mobile-item-taobao': 1, 'mobile-item-tmall': 1, 'pc-item-2026-ice-indirect': 1, 'pc-item-taobao-simplified': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-tmallhk-prefixed': 1, 'pc-item-world': 1, 'search-2023': 21, 'search-2025': 60, 'search-hostile': 6, 'search-tmall-tab': 12 },
      real: { 'item-2026-a': 1, 'item-2026-b': 1 },
    }),
    // prefixed ShopHeader--title-- (name also in title)
    css('[class*="ShopHeader--title--"]', {
      fixtures: { 'pc-item-taobao-prefixed': 1 },
    }),
    css('.slogo-shopname', { fixtures: { 'pc-item-tmall-old': 1, 'shop-tmall': 1 } }), // old Tmall
    css('.tb-shop-name', { fixtures: { 'pc-item-taobao-old': 1 }, real: { 'item-2020-a': 1 } }), // old Taobao
  ],
  shopLink: [
    // unprefixed: the shop block is itself the link
    hashed('detailWrap', {
      fixtures: { 'item-under-unusual-notice': 1, 'pc-item-2026-ice-indirect': 1, 'pc-item-taobao-prefixed': 1, 'pc-item-taobao-simplified': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-tmallhk-prefixed': 1, 'pc-item-world': 1 },
      real: { 'item-2026-a': 1, 'item-2026-b': 1 },
    }, 'a'),
    // prefixed ShopHeader-- / ShopHeaderNew--
    css('[class*="ShopHeader"] a[href]', {
      fixtures: { 'pc-item-taobao-prefixed': 2, 'pc-item-tmallhk-prefixed': 1 },
    }),
    css('a.slogo-shopname[href]', { fixtures: { 'pc-item-tmall-old': 1, 'shop-tmall': 1 } }), // old Tmall
    // old Taobao
    css('.tb-shop-name a[href]', {
      fixtures: { 'pc-item-taobao-old': 1 },
      real: { 'item-2020-a': 1 },
    }),
  ],
  sales: [
    // unprefixed salesDesc-- and prefixed ItemHeader--salesDesc--
    hashed('salesDesc', {
      fixtures: { 'item-under-unusual-notice': 1, 'pc-item-taobao-prefixed': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-tmallhk-prefixed': 1, 'pc-item-world': 1 },
    }),
    // old Taobao
    css('#J_SellCounter', {
      fixtures: { 'pc-item-taobao-old': 1 },
      real: { 'item-2020-a': 1 },
    }),
    css('.tm-ind-sellCount .tm-count', { fixtures: { 'pc-item-tmall-old': 1 } }), // old Tmall
  ],
  /** 2026 builds without salesDesc--: "已售 2000+" in an unclassed span inside itemInfo--. */
  salesInfo: [hashed('itemInfo', { fixtures: { 'item-under-unusual-notice': 1, 'pc-item-2026-ice-indirect': 4, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-world': 1 }, real: { 'item-2026-a': 4, 'item-2026-b': 1 } })],
  location: [
    // unprefixed: "浙江嘉兴 至 北京市"
    hashed('deliveryAddrWrap', {
      fixtures: { 'item-under-unusual-notice': 1, 'pc-item-2026-ice-indirect': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-world': 1 },
      real: { 'item-2026-a': 1, 'item-2026-b': 1 },
    }),
    // prefixed
    css('[class*="delivery-from-addr"]', {
      fixtures: { 'pc-item-taobao-prefixed': 1, 'pc-item-tmallhk-prefixed': 1 },
    }),
  ],
  image: [
    // unprefixed gallery
    css('#picGalleryEle [class*="mainPic--"]', {
      fixtures: { 'item-under-unusual-notice': 1, 'pc-item-2026-ice-indirect': 1, 'pc-item-taobao-simplified': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-world': 1 },
      real: { 'item-2026-a': 1, 'item-2026-b': 1 },
    }),
    // prefixed PicGallery--mainPic--
    hashed('mainPic', {
      fixtures: { 'item-under-unusual-notice': 1, 'pc-item-2026-ice-indirect': 1, 'pc-item-taobao-prefixed': 1, 'pc-item-taobao-simplified': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-tmallhk-prefixed': 1, 'pc-item-world': 1, 'search-2023': 21, 'search-2025': 55, 'search-hostile': 6, 'search-tmall-tab': 12 },
      real: { 'item-2026-a': 1, 'item-2026-b': 1 },
    }),
    // old Taobao and Tmall thumbnails
    css('#J_UlThumb img', {
      fixtures: { 'pc-item-taobao-old': 3, 'pc-item-tmall-old': 3 },
      real: { 'item-2020-a': 5 },
    }),
    // old Taobao and Tmall main image
    css('#J_ImgBooth', {
      fixtures: { 'pc-item-taobao-old': 1, 'pc-item-tmall-old': 1 },
      real: { 'item-2020-a': 1 },
    }),
  ],
  /** A sticky header repeats title and price: never read from it. */
  stickyBar: [hashed('ItemHeadFixed', {
    fixtures: { 'item-under-unusual-notice': 1, 'pc-item-2026-ice-indirect': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 4, 'pc-item-world': 3 },
    real: { 'item-2026-a': 1, 'item-2026-b': 1 },
  })],
} satisfies Record<string, Selector[]>;

/**
 * Mobile item pages (main.m.taobao.com, detail.m.tmall.com, h5.m.taobao.com). shared/taobao-pages.md
 * records no mobile DOM; these follow the rendered h5 detail page saved in the fixtures.
 */
export const MOBILE_ITEM_PAGE = {
  // h5 detail: h1.itemTitle--
  title: [hashed('itemTitle', {
    fixtures: { 'mobile-item-taobao': 1, 'mobile-item-tmall': 1 },
  })],
  // h5 detail: priceWrap-- > priceText-- (the coupon price when one applies)
  price: [hashed('priceText', {
    fixtures: { 'mobile-item-taobao': 3, 'mobile-item-tmall': 2, 'pc-item-taobao-prefixed': 1, 'pc-item-tmallhk-prefixed': 1 },
  })],
  // "已售 3000+", "月销 10"
  sales: [hashed('salesCount', {
    fixtures: { 'mobile-item-taobao': 1, 'mobile-item-tmall': 1 },
  })],
  // ship-from
  location: [hashed('deliveryFrom', {
    fixtures: { 'mobile-item-taobao': 1, 'mobile-item-tmall': 1 },
  })],
  // inside the shopCard-- link
  shopName: [hashed('shopName', {
    fixtures: { 'item-under-unusual-notice': 1, 'mobile-item-taobao': 1, 'mobile-item-tmall': 1, 'pc-item-2026-ice-indirect': 1, 'pc-item-taobao-simplified': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-tmallhk-prefixed': 1, 'pc-item-world': 1, 'search-2023': 21, 'search-2025': 60, 'search-hostile': 6, 'search-tmall-tab': 12 },
    real: { 'item-2026-a': 1, 'item-2026-b': 1 },
  })],
  // shop.m.taobao.com/shop/shop_index.htm?shop_id=N
  shopLink: [hashed('shopCard', {
    fixtures: { 'mobile-item-taobao': 1, 'mobile-item-tmall': 1 },
  }, 'a')],
  // first image of the head gallery
  image: [hashed('headPicImg', {
    fixtures: { 'mobile-item-taobao': 3, 'mobile-item-tmall': 2 },
  })],
  /** "看了又看" / "店铺推荐" tiles repeat prices and titles of other items. */
  recommendations: [hashed('recommend', {
    fixtures: { 'mobile-item-taobao': 1, 'mobile-item-tmall': 1, 'pc-item-taobao-simplified': 1, 'pc-item-world': 1 },
  })],
} satisfies Record<string, Selector[]>;

export const SEARCH_CARD = {
  card: [
    // 2025: a.doubleCardWrapperAdapt--[id^=item_id_]
    hashed('doubleCardWrapperAdapt', {
      fixtures: { 'search-2025': 60, 'search-hostile': 6 },
    }, 'a'),
    // 2023–24: a.Card--doubleCardWrapper--
    hashed('doubleCardWrapper', {
      fixtures: { 'search-2023': 84 },
    }, 'a'),
    // 2023–24 Tmall tab: Card--doubleCardWrapperMall--
    hashed('doubleCardWrapperMall', {
      fixtures: { 'search-tmall-tab': 48 },
    }, 'a'),
  ],
  title: [
    // 2025 title-- (with title attr) and 2023–24 Title--title--
    hashed('title', {
      fixtures: { 'item-under-unusual-notice': 3, 'other-home': 5, 'pc-item-2026-ice-indirect': 4, 'pc-item-taobao-prefixed': 2, 'pc-item-taobao-unprefixed': 2, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-tmallhk-prefixed': 1, 'pc-item-world': 1, 'search-2023': 23, 'search-2025': 60, 'search-hostile': 6, 'search-tmall-tab': 14, 'shop-2026-shelf': 12 },
      real: { 'item-2026-a': 5, 'item-2026-b': 4 },
    }),
  ],
  // 2023–24 Price--priceInt--, 2025 priceInt--
  priceInt: [hashed('priceInt', {
    fixtures: { 'search-2023': 21, 'search-2025': 60, 'search-hostile': 6, 'search-tmall-tab': 12 },
  })],
  // both generations
  priceFloat: [hashed('priceFloat', {
    fixtures: { 'search-2023': 4, 'search-2025': 8, 'search-hostile': 4, 'search-tmall-tab': 2 },
  })],
  // 2023–24 Price--realSales--, 2025 realSales--
  sales: [hashed('realSales', {
    fixtures: { 'search-2023': 20, 'search-2025': 58, 'search-hostile': 6, 'search-tmall-tab': 11 },
  })],
  location: [
    // 2025: procity-- wraps one span per part
    css('[class*="procity--"] span', {
      fixtures: { 'search-2025': 99, 'search-hostile': 11 },
    }),
    // 2023–24: Price--procity-- twice (province, city)
    hashed('procity', {
      fixtures: { 'search-2023': 36, 'search-2025': 99, 'search-hostile': 11, 'search-tmall-tab': 17 },
    }),
  ],
  shopName: [
    // 2025 shopNameText-- inside the shopName-- link; 2023–24 ShopInfo--shopNameText--
    hashed('shopNameText', {
      fixtures: { 'search-2023': 21, 'search-2025': 60, 'search-hostile': 6, 'search-tmall-tab': 12 },
    }),
    // 2023–24 ShopInfo--shopName-- without an inner text span
    hashed('shopName', {
      fixtures: { 'item-under-unusual-notice': 1, 'mobile-item-taobao': 1, 'mobile-item-tmall': 1, 'pc-item-2026-ice-indirect': 1, 'pc-item-taobao-simplified': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-tmallhk-prefixed': 1, 'pc-item-world': 1, 'search-2023': 21, 'search-2025': 60, 'search-hostile': 6, 'search-tmall-tab': 12 },
      real: { 'item-2026-a': 1, 'item-2026-b': 1 },
    }),
  ],
  shopLink: [
    // both generations: the shop link (split out of the card by the HTML parser)
    hashed('shopName', {
      fixtures: { 'search-2023': 21, 'search-2025': 60, 'search-hostile': 6, 'search-tmall-tab': 12 },
    }, 'a'),
  ],
  image: [
    // 2025 organic card image
    hashed('mainPic', {
      fixtures: { 'item-under-unusual-notice': 1, 'pc-item-2026-ice-indirect': 1, 'pc-item-taobao-prefixed': 1, 'pc-item-taobao-simplified': 1, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-tmallhk-prefixed': 1, 'pc-item-world': 1, 'search-2023': 21, 'search-2025': 55, 'search-hostile': 6, 'search-tmall-tab': 12 },
      real: { 'item-2026-a': 1, 'item-2026-b': 1 },
    }, 'img'),
    hashed('mainP4pPic', { fixtures: { 'search-2025': 5 } }, 'img'), // 2025 ad card image
    // 2023–24
    css('img[class*="MainPic--mainPic--"]', {
      fixtures: { 'search-2023': 21, 'search-tmall-tab': 12 },
    }),
  ],
  /** The 2025 ad marker: the image class says P4P (pay for performance). */
  adImage: [hashed('mainP4pPic', { fixtures: { 'search-2025': 5 } })],
} satisfies Record<string, Selector[]>;

/**
 * Classic search (to ~2018): the rendered grid. It also holds cards that are not in `g_page_config`
 * (`data-category="personalityData"`), so it is read beside the JSON (real capture: see
 * test/fixtures/pages/synthetic/README.md, search-classic-grid).
 */
export const SEARCH_CLASSIC_CARD = {
  card: [css('.m-itemlist .item.J_MouserOnverReq', { fixtures: { 'search-classic-grid': 9 } })],
  // data-nid holds the id; the text is the displayed title
  titleLink: [css('a[id^="J_Itemlist_TLink_"]', {
    fixtures: { 'search-classic-grid': 9 },
  })],
  picLink: [css('a.pic-link', { fixtures: { 'search-classic-grid': 9 } })], // href (or data-href) is the item or ad link
  price: [css('.price strong', { fixtures: { 'search-classic-grid': 9 } })],
  sales: [css('.deal-cnt', { fixtures: { 'search-classic-grid': 9 } })], // "16199人付款"
  shopName: [css('.shopname > span:last-child', { fixtures: { 'search-classic-grid': 9 } })], // after the dsrs rating spans
  location: [css('.location', { fixtures: { 'search-classic-grid': 9 } })],
  image: [css('img.J_ItemPic', { fixtures: { 'search-classic-grid': 9 } })], // data-src holds the full image, src a resized copy
  tmallIcon: [css('.icon-service-tianmao', { fixtures: { 'search-classic-grid': 5 } })],
} satisfies Record<string, Selector[]>;

/** Classic shop pages: the shop's own search/category grid. */
export const SHOP_GRID = {
  // classic Taobao and Tmall shop grid
  item: [css('.J_TItems dl.item[data-id]', {
    fixtures: { 'shop-taobao': 8, 'shop-tmall': 8 },
  })],
  title: [css('dd.detail a.item-name', { fixtures: { 'shop-taobao': 8, 'shop-tmall': 8 } })],
  price: [css('.cprice-area .c-price', {
    fixtures: { 'shop-taobao': 8, 'shop-tmall': 8 },
  }), css('.c-price', { fixtures: { 'shop-taobao': 8, 'shop-tmall': 8 } })],
  sales: [css('.sale-area .sale-num', { fixtures: { 'shop-taobao': 7, 'shop-tmall': 8 } })],
  image: [css('dt.photo img', { fixtures: { 'shop-taobao': 8, 'shop-tmall': 8 } })],
  shopName: [
    css('.shop-name-link', { fixtures: { 'shop-taobao': 1 } }), // Taobao shop header
    css('.slogo-shopname', { fixtures: { 'pc-item-tmall-old': 1, 'shop-tmall': 1 } }), // Tmall shop header
    css('.shop-name', { fixtures: { 'shop-taobao': 1 } }), // generic shop header
  ],
} satisfies Record<string, Selector[]>;

/**
 * 2026 shop pages: a product shelf of item cards (shared/taobao-pages.md, "Seen in real saved pages").
 * The shop's name is not in the DOM there, only in the inline `g_config` (`seller.shopName`).
 */
export const SHOP_SHELF = {
  shelf: [hashed('shopProductShelfArea', { fixtures: { 'shop-2026-shelf': 2 } })],
  card: [css('a[class*="itemCard--"][href*="item.htm"]', { fixtures: { 'shop-2026-shelf': 9 } })],
  // div.title--[title]: the attribute holds the full title
  title: [hashed('title', {
    fixtures: { 'item-under-unusual-notice': 3, 'other-home': 5, 'pc-item-2026-ice-indirect': 4, 'pc-item-taobao-prefixed': 2, 'pc-item-taobao-unprefixed': 2, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-tmallhk-prefixed': 1, 'pc-item-world': 1, 'search-2023': 23, 'search-2025': 60, 'search-hostile': 6, 'search-tmall-tab': 14, 'shop-2026-shelf': 12 },
    real: { 'item-2026-a': 5, 'item-2026-b': 4 },
  })],
  price: [hashed('price', {
    fixtures: { 'item-under-unusual-notice': 1, 'other-home': 4, 'pc-item-taobao-prefixed': 2, 'pc-item-taobao-unprefixed': 1, 'pc-item-tmall-unprefixed-ice': 1, 'pc-item-world': 1, 'search-2023': 2, 'search-tmall-tab': 2, 'shop-2026-shelf': 12 },
    real: { 'item-2026-a': 1 },
  })],
  image: [css('img', {
    fixtures: { 'blocked-punish': 1, 'item-under-unusual-notice': 6, 'mobile-item-taobao': 6, 'mobile-item-tmall': 4, 'other-home': 5, 'pc-item-2026-ice-indirect': 9, 'pc-item-taobao-old': 6, 'pc-item-taobao-prefixed': 6, 'pc-item-taobao-simplified': 2, 'pc-item-taobao-unprefixed': 5, 'pc-item-tmall-old': 7, 'pc-item-tmall-unprefixed-ice': 7, 'pc-item-tmallhk-prefixed': 4, 'pc-item-world': 3, 'search-2023': 55, 'search-2025': 87, 'search-classic-grid': 9, 'search-hostile': 6, 'search-legacy': 1, 'search-tmall-tab': 40, 'shop-2026-shelf': 13, 'shop-taobao': 12, 'shop-tmall': 9 },
    real: { 'item-2020-a': 40, 'item-2026-a': 45, 'search-2026-shell': 1, 'item-2026-b': 22, 'item-h5-2026-blocked': 3 },
  })],
} satisfies Record<string, Selector[]>;

/** Verification, captcha and throttling layers: on such a page nothing is extracted. */
export const BLOCKED_PAGE = [
  // baxia verification dialog
  css('#baxia-dialog-content', {
    fixtures: { 'blocked-punish': 1, 'pc-item-2026-ice-indirect': 1 },
    real: { 'item-2020-a': 1 },
  }),
  css('.nc-container', { fixtures: { 'blocked-punish': 1 } }), // slider captcha
  css('#nc_1_wrapper', { fixtures: { 'blocked-punish': 1 } }), // slider captcha
  css('[id*="nocaptcha"]', { fixtures: { 'blocked-punish': 1 } }), // no-captcha widget
  // middleware verification frame
  css('.J_MIDDLEWARE_FRAME_WIDGET', {
    fixtures: { 'blocked-search-captcha': 1 },
    real: { 'item-2026-b': 1, 'item-h5-2026-blocked': 1 },
  }),
  // "unusual traffic" block in the unprefixed generation
  hashed('UnusualStatus', {
    fixtures: { 'item-under-unusual-notice': 6 },
  }),
  css('iframe[src*="punish"], iframe[src*="captcha"], iframe[src*="x5sec"], iframe[src*="login.taobao.com"]', {
    fixtures: { 'blocked-search-captcha': 1, 'pc-item-2026-ice-indirect': 2 },
    real: { 'item-2020-a': 2, 'item-2026-b': 1, 'item-h5-2026-blocked': 1 },
  }),
] satisfies Selector[];
