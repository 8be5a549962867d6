/**
 * Adding a notice feed: a file (JSON or CSV, sent as bytes for the background to decode) or an
 * https URL to subscribe to. The background reports progress by import id; a refused feed comes
 * back with its problems by line and field.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoticeImportDone, NoticeImportProgress, PageResult } from '../../lib/messaging/page-protocol';
import { fileBase64Chunks } from './file-bytes';
import type { OptionsDeps } from './options-deps';
import { failed, OutcomeView, refused, type Outcome } from './outcome';

function isHttps(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

function ImportProgress({ progress, deps }: { progress: NoticeImportProgress; deps: OptionsDeps }) {
  const { t } = deps;
  const text =
    progress.phase === 'parsing'
      ? t('optionsProgressParsing')
      : progress.phase === 'writing'
        ? t('optionsProgressWriting', [String(progress.done), String(progress.total)])
        : progress.phase === 'indexing'
          ? t('optionsProgressIndexing')
          : t('optionsProgressDone');
  // Only writing has a known end; the other phases show an indeterminate bar.
  const known = progress.phase === 'writing' || progress.phase === 'done';
  const max = Math.max(progress.total, 1);
  return (
    <div class="progress">
      <progress aria-label={t('optionsProgressLabel')} max={known ? max : undefined} value={known ? Math.min(progress.phase === 'done' ? max : progress.done, max) : undefined} />
      <span class="muted" aria-live="polite">
        {text}
      </span>
    </div>
  );
}

export function NoticeImport({ deps }: { deps: OptionsDeps }) {
  const { t } = deps;
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<NoticeImportProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [url, setUrl] = useState('');
  const importId = useRef<string | null>(null);

  useEffect(
    () =>
      deps.onImportProgress((update) => {
        if (update.importId === importId.current) setProgress(update);
      }),
    [deps],
  );

  async function run(request: (id: string) => Promise<PageResult<NoticeImportDone | { notModified: true }>>): Promise<void> {
    const id = deps.newImportId();
    importId.current = id;
    setBusy(true);
    setOutcome(null);
    setProgress({ importId: id, phase: 'parsing', done: 0, total: 0 });
    try {
      const answer = await request(id);
      if (!answer.ok) setOutcome(refused(t('optionsNoticesRefused', [answer.message]), answer.problems, answer.problemCount));
      else if ('notModified' in answer) setOutcome({ ok: true, text: t('optionsNoticesNotModified') });
      else setOutcome({ ok: true, text: t('optionsNoticesImported', [String(answer.noticeCount), String(answer.entryCount)]) });
    } catch (error) {
      setOutcome(failed(error, t));
    } finally {
      importId.current = null;
      setProgress(null);
      setBusy(false);
    }
  }

  async function importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    await run(async (id) => {
      let index = 0;
      for await (const base64 of fileBase64Chunks(file)) await deps.send('noticeFileChunk', { importId: id, index: index++, base64 });
      input.value = '';
      return deps.send('importNoticeFile', { importId: id, fileName: file.name });
    });
  }

  function subscribe(event: Event): void {
    event.preventDefault();
    const address = url.trim();
    if (!isHttps(address)) {
      setOutcome(refused(t('optionsHttpsOnly')));
      return;
    }
    const access = deps.requestSiteAccess?.(address) ?? Promise.resolve(false);
    void access.then(() => run((id) => deps.send('subscribeNoticeFeed', { importId: id, url: address }))).then(() => setUrl(''));
  }

  return (
    <div class="notice-import">
      <div class="field">
        <label for="notice-file">{t('optionsNoticesImportLabel')}</label>
        <input id="notice-file" type="file" accept=".json,.csv,application/json,text/csv" disabled={busy} onChange={(event) => void importFile(event.currentTarget)} />
      </div>
      <form class="field" onSubmit={subscribe}>
        <label for="notice-url">{t('optionsNoticesSubscribeLabel')}</label>
        <div class="inline">
          <input id="notice-url" type="url" inputMode="url" placeholder="https://" value={url} onInput={(event) => setUrl(event.currentTarget.value)} />
          <button type="submit" disabled={busy}>
            {t('optionsNoticesSubscribeButton')}
          </button>
        </div>
      </form>
      {progress && <ImportProgress progress={progress} deps={deps} />}
      <OutcomeView outcome={outcome} t={t} />
    </div>
  );
}
