/**
 * The size of every Listing field, in one place: the extractor caps what it reads to these bounds
 * (make-listing.ts) and the background's schema refuses anything beyond them (listing-schema.ts), so
 * a listing the content script builds always passes the check it is sent to.
 */

/** Taobao caps titles at 60 characters; a far longer one is noise or an attack, and is cut. */
export const MAX_TITLE_LENGTH = 500;
/** Real shop names are a few dozen characters. */
export const MAX_SHOP_NAME_LENGTH = 200;
/** "1万+", "82": a sales figure longer than this is not one. */
export const MAX_SALES_LENGTH = 40;
/** "浙江嘉兴", "中国香港": a province and a city. */
export const MAX_LOCATION_LENGTH = 60;
export const MAX_URL_LENGTH = 2000;
/** Shop ids are decimal numbers. */
export const SHOP_ID_PATTERN = /^\d{1,20}$/;
