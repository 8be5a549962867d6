/**
 * Rectification notices: feed formats, the database, imports, subscriptions and the lookup index.
 * Browser-safe; the Node file loader is load-notice-file.ts.
 */
export { CSV_COLUMNS, OPTIONAL_CSV_COLUMNS } from './csv-feed';
export { NOTICE_FEED_FORMAT } from './feed-schema';
export { findNoticeHits } from './find-notice-hits';
export { importNoticeFeed, removeNoticeFeed, type ImportOptions, type ImportProgress, type ImportSummary } from './import-feed';
export { importNoticeFile } from './import-notice-file';
export { LiveNoticeIndex } from './live-notice-index';
export { listingLookupKeys, normaliseShopName, type LookupListing } from './lookup-keys';
export { fileFeedKey, NoticeDatabase, NOTICES_DB_NAME, type EntryRecord, type FeedRecord, type FeedResult, type NoticeRecord } from './notice-db';
export { formatProblem, NoticeFeedError, type FeedProblem, type Notice, type NoticeEntry, type NoticeFeed } from './notice-feed';
export { NoticeIndex } from './notice-index';
export { MAX_FEED_BYTES, parseNoticeFile, type ParseOptions } from './parse-notice-file';
export { refreshFeed, subscribedFeeds, subscriptionUrlProblem, type RefreshDeps, type RefreshOutcome } from './refresh-feed';
