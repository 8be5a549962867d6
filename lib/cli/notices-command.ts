/**
 * `cli notices check <feed.json|feed.csv>`: reads a notice feed as the extension would import it and
 * prints what it holds, or every bad row (the first 50) on stderr with exit code 1. Nothing is stored.
 */
import { readNoticeFile } from '../notices/load-notice-file';
import { NoticeFeedError, type NoticeFeed } from '../notices/notice-feed';
import { CliError, type CliCommand } from './cli-io';

const USAGE = 'usage: notices check <feed.json|feed.csv>';

export const runNotices: CliCommand = async (args, io) => {
  const [subcommand, path, ...rest] = args;
  if (subcommand !== 'check' || path === undefined || rest.length > 0) throw new CliError(USAGE);
  let feed: NoticeFeed;
  try {
    feed = await readNoticeFile(path);
  } catch (error) {
    if (!(error instanceof NoticeFeedError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  io.stdout.write(`${summary(path, feed).join('\n')}\n`);
  return 0;
};

function summary(path: string, feed: NoticeFeed): string[] {
  const entries = feed.notices.flatMap((notice) => notice.entries);
  const byKind = ['item', 'shop', 'seller'].map((kind) => [kind, entries.filter((e) => e.kind === kind).length] as const).filter(([, n]) => n > 0);
  const brands = [...new Set(feed.notices.flatMap((notice) => notice.brands))].sort();
  return [
    `${path}: valid ${feed.format.toUpperCase()} feed "${feed.id}"${feed.title ? ` (${feed.title})` : ''}, ${feed.encoding === 'gbk' ? 'GBK' : 'UTF-8'}`,
    `  ${feed.notices.length} notice${feed.notices.length === 1 ? '' : 's'}, ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}${byKind.length ? ` (${byKind.map(([kind, n]) => `${n} ${kind}`).join(', ')})` : ''}`,
    `  brands under special rules: ${brands.length ? brands.join(', ') : 'none'}`,
    ...feed.notes.map((note) => `  note: ${note}`),
  ];
}
