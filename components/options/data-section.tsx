/**
 * The user's own data: export everything as one JSON backup, restore one (checked here first so the
 * problems show before anything is asked, then confirmed, then replaced by the background in one
 * transaction), and clear chosen kinds after a confirmation; and the installation's public signing key.
 */
import { useState } from 'preact/hooks';
import { backupFileName, backupJson, createBackup, parseBackup, type Backup } from '../../lib/backup/backup';
import { backupChunks } from '../../lib/backup/backup-upload';
import type { DataKind } from '../../lib/messaging/page-protocol';
import { ConfirmBox } from './confirm-box';
import type { OptionsDeps } from './options-deps';
import type { OptionsMessageKey } from './options-messages';
import { failed, OutcomeView, refused, type Outcome } from './outcome';
import { SigningKey } from './signing-key';

const KINDS: readonly { kind: DataKind; label: OptionsMessageKey }[] = [
  { kind: 'history', label: 'optionsKindHistory' },
  { kind: 'reports', label: 'optionsKindReports' },
  { kind: 'trusted', label: 'optionsKindTrusted' },
  { kind: 'settings', label: 'optionsKindSettings' },
];

/** Problems shown at most, as for notice feeds; the count says how many there were. */
const SHOWN_PROBLEMS = 50;

export function DataSection({ deps }: { deps: OptionsDeps }) {
  const { t } = deps;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [restoring, setRestoring] = useState<{ json: string; backup: Backup } | null>(null);
  const [kinds, setKinds] = useState<ReadonlySet<DataKind>>(new Set());
  const [confirmClear, setConfirmClear] = useState(false);
  const [busy, setBusy] = useState(false);

  async function exportBackup(): Promise<void> {
    setOutcome(null);
    try {
      const now = deps.now();
      const backup = await createBackup(deps.activity, await deps.settings.load(), now);
      const name = backupFileName(now);
      deps.saveFile(name, backupJson(backup));
      setOutcome({ ok: true, text: t('optionsExported', [name]) });
    } catch (error) {
      setOutcome(failed(error, t));
    }
  }

  async function chooseBackup(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(null);
    const json = await file.text();
    input.value = '';
    const parsed = parseBackup(json);
    if (!parsed.ok) {
      const problems = parsed.problems.map((p) => ({ line: null, field: p.path, reason: p.reason }));
      setOutcome(refused(t('optionsRestoreRefused'), problems.slice(0, SHOWN_PROBLEMS), problems.length));
      return;
    }
    setRestoring({ json, backup: parsed.backup });
  }

  async function restore(json: string): Promise<void> {
    setRestoring(null);
    setBusy(true);
    try {
      // In chunks: one browser message carries at most 64 MiB, and a backup with screenshots can be more.
      const uploadId = `backup-${deps.now()}-${Math.random().toString(36).slice(2)}`;
      for (const [index, text] of backupChunks(json).entries()) await deps.send('backupChunk', { uploadId, index, text });
      const answer = await deps.send('restoreBackup', { uploadId });
      setOutcome(answer.ok ? { ok: true, text: t('optionsRestored') } : refused(t('optionsRestoreFailed', [answer.message]), answer.problems, answer.problemCount));
    } catch (error) {
      setOutcome(failed(error, t));
    } finally {
      setBusy(false);
    }
  }

  async function clear(): Promise<void> {
    setConfirmClear(false);
    setBusy(true);
    try {
      await deps.send('clearData', { kinds: KINDS.map((k) => k.kind).filter((kind) => kinds.has(kind)) });
      setKinds(new Set());
      setOutcome({ ok: true, text: t('optionsCleared') });
    } catch (error) {
      setOutcome(failed(error, t));
    } finally {
      setBusy(false);
    }
  }

  function toggleKind(kind: DataKind, on: boolean): void {
    const next = new Set(kinds);
    if (on) next.add(kind);
    else next.delete(kind);
    setKinds(next);
  }

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('optionsDataHeading')}</h2>
      <p class="hint">{t('optionsDataIntro')}</p>
      <div class="field">
        <button type="button" onClick={() => void exportBackup()}>
          {t('optionsExportButton')}
        </button>
      </div>
      <div class="field">
        <label for="backup-file">{t('optionsRestoreLabel')}</label>
        <input id="backup-file" type="file" accept=".json,application/json" disabled={busy} onChange={(event) => void chooseBackup(event.currentTarget)} />
      </div>
      {restoring && (
        <ConfirmBox
          question={t('optionsRestoreConfirm', [String(restoring.backup.history.length), String(restoring.backup.reports.length), String(restoring.backup.trusted.length)])}
          action={t('optionsRestoreButton')}
          onConfirm={() => void restore(restoring.json)}
          onCancel={() => setRestoring(null)}
          t={t}
        />
      )}
      <fieldset>
        <legend>{t('optionsClearLegend')}</legend>
        {KINDS.map(({ kind, label }) => (
          <label class="choice" key={kind}>
            <input type="checkbox" value={kind} checked={kinds.has(kind)} onChange={(event) => toggleKind(kind, event.currentTarget.checked)} />
            <span>{t(label)}</span>
          </label>
        ))}
        <button type="button" class="danger" disabled={busy || kinds.size === 0} onClick={() => setConfirmClear(true)}>
          {t('optionsClearButton')}
        </button>
      </fieldset>
      {confirmClear && (
        <ConfirmBox question={t('optionsClearConfirm')} action={t('optionsClearConfirmButton')} onConfirm={() => void clear()} onCancel={() => setConfirmClear(false)} t={t} />
      )}
      {busy && <p class="muted">{t('optionsWorking')}</p>}
      <OutcomeView outcome={outcome} t={t} />
      <SigningKey deps={deps} />
    </section>
  );
}
