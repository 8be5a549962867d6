/** Reads a JSON notice feed: syntax, then the schema, then the rules across rows (duplicates). */
import * as v from 'valibot';
import { issuePath } from '../rules/issue-path';
import type { DecodedFeed } from './feed-bytes';
import { duplicateBrands, duplicateEntries } from './feed-duplicates';
import { issueReason, noticeFeedSchema, type JsonEntry, type JsonNoticeFeed } from './feed-schema';
import { jsonValueLines } from './json-value-lines';
import { NoticeFeedError, type FeedProblem, type Notice, type NoticeEntry, type NoticeFeed } from './notice-feed';

interface PathProblem {
  path: string;
  reason: string;
}

export function parseJsonFeed(decoded: DecodedFeed, label: string): NoticeFeed {
  const { text } = decoded;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new NoticeFeedError(label, [{ line: syntaxErrorLine(text, error as Error), field: '(file)', reason: `not valid JSON: ${(error as Error).message}` }]);
  }
  const result = v.safeParse(noticeFeedSchema, json, { abortEarly: false });
  if (!result.success) {
    throw located(label, text, result.issues.map((issue) => ({ path: issuePath(issue), reason: issueReason(issue) })));
  }
  const problems = crossRowProblems(result.output);
  if (problems.length > 0) throw located(label, text, problems);
  return toNoticeFeed(result.output, decoded);
}

function crossRowProblems(feed: JsonNoticeFeed): PathProblem[] {
  const problems: PathProblem[] = [];
  const firstNotice = new Map<string, number>();
  feed.notices.forEach((notice, n) => {
    const earlier = firstNotice.get(notice.id);
    if (earlier === undefined) firstNotice.set(notice.id, n);
    else problems.push({ path: `notices[${n}].id`, reason: `duplicate notice id "${notice.id}" (also notices[${earlier}])` });
    for (const [index, first] of duplicateBrands(notice.brands ?? [])) {
      problems.push({ path: `notices[${n}].brands[${index}]`, reason: `brand "${notice.brands?.[index]}" is listed twice (also brands[${first}])` });
    }
    for (const [index, first] of duplicateEntries((notice.entries ?? []).map(toEntry))) {
      problems.push({ path: `notices[${n}].entries[${index}]`, reason: `repeats entries[${first}] of the same notice` });
    }
  });
  return problems;
}

function located(label: string, text: string, problems: readonly PathProblem[]): NoticeFeedError {
  const lines = jsonValueLines(text, problems.map((p) => p.path));
  const located: FeedProblem[] = problems.map((p) => ({ line: lines.get(p.path) ?? null, field: p.path || '(feed)', reason: p.reason }));
  return new NoticeFeedError(label, located);
}

/** V8 says "at position N", Firefox "at line L column C"; either gives the line. */
function syntaxErrorLine(text: string, error: Error): number | null {
  const line = /line (\d+)/.exec(error.message)?.[1];
  if (line) return Number(line);
  const position = /position (\d+)/.exec(error.message)?.[1];
  if (position === undefined) return null;
  let count = 1;
  const end = Math.min(Number(position), text.length);
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}

function toEntry(entry: JsonEntry): NoticeEntry {
  return {
    kind: entry.kind,
    itemId: entry.itemId ?? null,
    shopId: entry.shopId ?? null,
    shopName: entry.shopName ?? null,
    brand: entry.brand ?? null,
    action: entry.action ?? null,
    date: entry.date ?? null,
  };
}

function toNoticeFeed(feed: JsonNoticeFeed, decoded: DecodedFeed): NoticeFeed {
  const notices = feed.notices.map(
    (notice): Notice => ({
      id: notice.id,
      title: notice.title,
      publisher: notice.publisher,
      published: notice.published ?? null,
      effective: notice.effective ?? null,
      url: notice.url ?? null,
      brands: notice.brands ?? [],
      requirement: notice.requirement ?? null,
      entries: (notice.entries ?? []).map(toEntry),
    }),
  );
  return {
    id: feed.feed.id,
    title: feed.feed.title ?? null,
    homepage: feed.feed.homepage ?? null,
    description: feed.feed.description ?? null,
    example: feed.feed.example ?? false,
    format: 'json',
    encoding: decoded.encoding,
    notes: decoded.notes,
    notices,
  };
}
