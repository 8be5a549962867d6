/**
 * The built-in pack, the packs the user added (from a file or a followed URL) and the forms to add
 * one. A refused pack shows its problems as `path: reason`.
 */
import { useState } from 'preact/hooks';
import type { PageProtocolMap, PageResult, RulePackSummary } from '../../lib/messaging/page-protocol';
import { formatDate } from './format-date';
import type { OptionsDeps } from './options-deps';
import { failed, OutcomeView, refused, type Outcome } from './outcome';

export type RulePackList = ReturnType<PageProtocolMap['listRulePacks']>;
export type PackBrand = RulePackList['brands'][number];

interface RulePacksSectionProps {
  deps: OptionsDeps;
  packs: RulePackList | undefined;
  /** Asks the background for the list again (after an add or a removal). */
  onChanged: () => Promise<void>;
}

function isHttps(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

export function RulePacksSection({ deps, packs, onChanged }: RulePacksSectionProps) {
  const { t } = deps;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState('');

  async function run(request: () => Promise<PageResult<{ pack: RulePackSummary }>>): Promise<void> {
    setBusy(true);
    setOutcome(null);
    try {
      const answer = await request();
      if (answer.ok) {
        const { id, version, brandCount } = answer.pack;
        setOutcome({ ok: true, text: t('optionsPackAdded', [id, version, String(brandCount)], brandCount) });
      } else {
        setOutcome(refused(t('optionsPackRefused', [answer.message]), answer.problems, answer.problemCount));
      }
      await onChanged();
    } catch (error) {
      setOutcome(failed(error, t));
    } finally {
      setBusy(false);
    }
  }

  async function importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    await run(() => deps.send('importRulePack', { fileName: file.name, text }));
  }

  function follow(event: Event): void {
    event.preventDefault();
    if (!isHttps(url.trim())) {
      setOutcome(refused(t('optionsHttpsOnly')));
      return;
    }
    const access = deps.requestSiteAccess?.(url.trim()) ?? Promise.resolve(false);
    void access.then(() => run(() => deps.send('subscribeRulePack', { url: url.trim() })));
  }

  async function remove(id: string): Promise<void> {
    try {
      await deps.send('removeRulePack', { id });
      await onChanged();
    } catch (error) {
      setOutcome(failed(error, t));
    }
  }

  return (
    <section aria-labelledby="packs-heading">
      <h2 id="packs-heading">{t('optionsPacksHeading')}</h2>
      <p class="hint">{t('optionsPacksIntro')}</p>
      {packs && <p data-testid="builtin-pack">{t('optionsPacksBuiltin', [packs.builtin.version, String(packs.builtin.brandCount)], packs.builtin.brandCount)}</p>}
      <h3>{t('optionsPacksAddedHeading')}</h3>
      {packs && packs.imported.length === 0 && <p class="muted">{t('optionsPacksNone')}</p>}
      {packs && packs.imported.length > 0 && (
        <ul class="rows" data-testid="imported-packs">
          {packs.imported.map((pack) => (
            <li key={pack.id}>
              <div>
                <p dir="auto">{t('optionsPackSummary', [pack.id, pack.version, String(pack.brandCount)], pack.brandCount)}</p>
                <p class="muted" dir="auto">
                  {pack.source.kind === 'file'
                    ? t('optionsPackFromFile', [pack.source.name, formatDate(pack.importedAt, deps.language)])
                    : t('optionsPackFromUrl', [pack.source.url, formatDate(pack.importedAt, deps.language)])}
                </p>
              </div>
              <button type="button" aria-label={t('optionsPackRemoveLabel', [pack.id])} onClick={() => void remove(pack.id)}>
                {t('optionsPackRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="field">
        <label for="pack-file">{t('optionsPackImportLabel')}</label>
        <input id="pack-file" type="file" accept=".json,application/json" disabled={busy} onChange={(event) => void importFile(event.currentTarget)} />
      </div>
      <form class="field" onSubmit={follow}>
        <label for="pack-url">{t('optionsPackSubscribeLabel')}</label>
        <div class="inline">
          <input id="pack-url" type="url" inputMode="url" placeholder="https://" value={url} onInput={(event) => setUrl(event.currentTarget.value)} />
          <button type="submit" disabled={busy}>
            {t('optionsPackSubscribeButton')}
          </button>
        </div>
      </form>
      {busy && <p class="muted">{t('optionsWorking')}</p>}
      <OutcomeView outcome={outcome} t={t} />
    </section>
  );
}
