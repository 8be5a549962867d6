/**
 * The feeds in the notices database, read live (the background writes, this list follows): title,
 * source, counts, last update and the last check's result or error, and delete / unsubscribe.
 */
import { useState } from 'preact/hooks';
import type { FeedRecord } from '../../lib/notices/notice-db';
import { ConfirmBox } from './confirm-box';
import { formatDate } from './format-date';
import type { OptionsDeps } from './options-deps';
import { failed, OutcomeView, type Outcome } from './outcome';
import { ProblemList } from './problem-list';
import { useLiveQuery } from '../shared/use-live-query';

function LastResult({ feed, deps }: { feed: FeedRecord; deps: OptionsDeps }) {
  const { t, language } = deps;
  const result = feed.lastResult;
  if (!result) return null;
  const at = formatDate(result.at, language);
  if (result.status === 'imported') return <p class="muted">{t('optionsFeedResultImported', [at])}</p>;
  if (result.status === 'not-modified') return <p class="muted">{t('optionsFeedResultNotModified', [at])}</p>;
  return (
    <div class="error">
      <p dir="auto">{t('optionsFeedResultFailed', [at, result.message])}</p>
      <ProblemList problems={result.problems} problemCount={result.problems.length} t={t} />
    </div>
  );
}

export function FeedList({ deps }: { deps: OptionsDeps }) {
  const { t, language } = deps;
  const feeds = useLiveQuery(() => deps.notices.feeds.toArray(), [deps]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove(feedKey: string): Promise<void> {
    setConfirming(null);
    try {
      await deps.send('removeNoticeFeed', { feedKey });
    } catch (error) {
      setOutcome(failed(error, t));
    }
  }

  async function refresh(): Promise<void> {
    setBusy(true);
    setOutcome(null);
    try {
      const { refreshed, failed: failedCount } = await deps.send('refreshNoticeFeeds');
      setOutcome({ ok: true, text: t('optionsFeedsRefreshed', [String(refreshed), String(failedCount)]) });
    } catch (error) {
      setOutcome(failed(error, t));
    } finally {
      setBusy(false);
    }
  }

  if (!feeds) return null;
  return (
    <div class="feeds">
      <h3>{t('optionsFeedsHeading')}</h3>
      {feeds.length === 0 && (
        <p class="muted" data-testid="no-feeds">
          {t('optionsFeedsNone')}
        </p>
      )}
      {feeds.length > 0 && (
        <ul class="rows" data-testid="feeds">
          {feeds.map((feed) => {
            const title = feed.title ?? feed.id ?? t('optionsFeedUntitled');
            return (
              <li key={feed.key} data-feed-key={feed.key}>
                <div>
                  <p class="title" dir="auto">
                    {title}
                    {feed.example === true && (
                      <span class="example-tag" data-testid="feed-example">
                        {t('optionsFeedExampleTag')}
                      </span>
                    )}
                  </p>
                  <p class="muted" dir="auto">
                    {feed.url ? t('optionsFeedFromUrl', [feed.url]) : t('optionsFeedFromFile')}
                  </p>
                  <p class="muted" data-testid="feed-counts">
                    {t('optionsFeedCounts', [String(feed.noticeCount), String(feed.entryCount)])}
                  </p>
                  <p class="muted">{feed.importedAt === null ? t('optionsFeedNeverUpdated') : t('optionsFeedUpdated', [formatDate(feed.importedAt, language)])}</p>
                  <LastResult feed={feed} deps={deps} />
                  {confirming === feed.key && (
                    <ConfirmBox
                      question={t('optionsFeedConfirmDelete', [String(feed.entryCount)], feed.entryCount)}
                      action={t('optionsConfirmDelete')}
                      onConfirm={() => void remove(feed.key)}
                      onCancel={() => setConfirming(null)}
                      t={t}
                    />
                  )}
                </div>
                <button type="button" aria-label={t('optionsFeedDeleteLabel', [title])} onClick={() => setConfirming(feed.key)}>
                  {feed.url ? t('optionsFeedUnsubscribe') : t('optionsFeedDelete')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {feeds.some((feed) => feed.url !== null) && (
        <button type="button" disabled={busy} onClick={() => void refresh()}>
          {t('optionsFeedsRefresh')}
        </button>
      )}
      <OutcomeView outcome={outcome} t={t} />
    </div>
  );
}
