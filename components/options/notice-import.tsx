/**
 * Adding a notice feed: a file (JSON or CSV, sent as bytes for the background to decode) or an
 * https URL to subscribe to. The background reports progress by import id; a refused feed comes
 * back with its problems by line and field. A feed its publisher marks as example data is imported
 * only after the user says yes to that, and the outcome says so again; every import says what it
 * changes (brands under special rules, shops and items named, history verdicts changed).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExampleRefused, NoticeImportDone, NoticeImportProgress, PageResult } from '../../lib/messaging/page-protocol';
import { ConfirmBox } from './confirm-box';
import { fileBase64Chunks } from './file-bytes';
import type { OptionsDeps } from './options-deps';
import type { OptionsTranslate } from './options-messages';
import { failed, OutcomeView, refused, type Outcome } from './outcome';
import type { PackBrand } from './rule-packs-section';

type ImportAnswer = PageResult<NoticeImportDone | { notModified: true } | ExampleRefused>;
/** Sends the import; `allowExample` once the user has agreed to example data. */
type ImportRequest = (importId: string, allowExample: boolean) => Promise<ImportAnswer>;

/** The outcome's sentences: counts, the example warning, and what the import changes. */
export function importedText(done: NoticeImportDone, t: OptionsTranslate, language: 'en' | 'zh_CN', brands: readonly PackBrand[] = []): string {
  const number = new Intl.NumberFormat(language === 'zh_CN' ? 'zh-CN' : 'en');
  const count = (n: number) => number.format(n);
  const names = new Map(brands.map((brand) => [brand.id, brand.name[language]]));
  const list = new Intl.ListFormat(language === 'zh_CN' ? 'zh-CN' : 'en', { type: 'conjunction' });
  const { effect } = done;
  const sentences = [t('optionsNoticesImported', [count(done.noticeCount), count(done.entryCount)])];
  if (done.example) sentences.push(t('optionsNoticesExampleImported'));
  if (effect.specialRuleBrands.length > 0) sentences.push(t('optionsNoticesEffectBrands', [list.format(effect.specialRuleBrands.map((id) => names.get(id) ?? id))]));
  if (effect.shops + effect.items > 0) sentences.push(t('optionsNoticesEffectNamed', [count(effect.shops), count(effect.items)]));
  if (effect.historyChanged !== null) sentences.push(t('optionsNoticesEffectHistory', [count(effect.historyChanged)]));
  return sentences.join(' ');
}

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
        ? t('optionsProgressWriting', [String(progress.done), String(progress.total)], progress.total)
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

export function NoticeImport({ deps, brands }: { deps: OptionsDeps; brands?: readonly PackBrand[] | undefined }) {
  const { t, language } = deps;
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<NoticeImportProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [url, setUrl] = useState('');
  /** An example feed waiting for the user's yes: the same request, sent again with allowExample. */
  const [exampleRequest, setExampleRequest] = useState<ImportRequest | null>(null);
  const importId = useRef<string | null>(null);
  // Read when the answer comes, not when the import started: the pack list may load meanwhile.
  const brandList = useRef(brands);
  brandList.current = brands;

  useEffect(
    () =>
      deps.onImportProgress((update) => {
        if (update.importId === importId.current) setProgress(update);
      }),
    [deps],
  );

  async function run(request: ImportRequest, allowExample = false): Promise<void> {
    const id = deps.newImportId();
    importId.current = id;
    setBusy(true);
    setOutcome(null);
    setExampleRequest(null);
    setProgress({ importId: id, phase: 'parsing', done: 0, total: 0 });
    try {
      const answer = await request(id, allowExample);
      if (!answer.ok) setOutcome(refused(t('optionsNoticesRefused', [answer.message]), answer.problems, answer.problemCount));
      else if ('notModified' in answer) setOutcome({ ok: true, text: t('optionsNoticesNotModified') });
      else if ('exampleRefused' in answer) setExampleRequest(() => request);
      else setOutcome({ ok: true, text: importedText(answer, t, language, brandList.current) });
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
    input.value = '';
    // Kept whole: an example file is sent again, under a new import id, once the user agrees.
    await run(async (id, allowExample) => {
      let index = 0;
      for await (const base64 of fileBase64Chunks(file)) await deps.send('noticeFileChunk', { importId: id, index: index++, base64 });
      return deps.send('importNoticeFile', { importId: id, fileName: file.name, ...(allowExample ? { allowExample } : {}) });
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
    void access
      .then(() => run((id, allowExample) => deps.send('subscribeNoticeFeed', { importId: id, url: address, ...(allowExample ? { allowExample } : {}) })))
      .then(() => setUrl(''));
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
      {exampleRequest && (
        <ConfirmBox
          question={t('optionsNoticesExampleQuestion')}
          action={t('optionsNoticesExampleImport')}
          onConfirm={() => void run(exampleRequest, true)}
          onCancel={() => {
            setExampleRequest(null);
            setOutcome({ ok: true, text: t('optionsNoticesExampleNotImported') });
          }}
          t={t}
        />
      )}
      <OutcomeView outcome={outcome} t={t} />
    </div>
  );
}
