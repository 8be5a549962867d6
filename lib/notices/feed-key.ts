/**
 * The key a feed is stored and indexed under when it came from a file (a subscription's is its URL).
 * Its own module so the Node-side notice index (the CLI) does not load the database code.
 */
export const fileFeedKey = (feedId: string): string => `file:${feedId}`;
