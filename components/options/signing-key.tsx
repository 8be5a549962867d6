/**
 * The installation's signing key: its public part, for brand staff to hand to whoever checks their
 * evidence zips (`cli evidence verify <zip> --key <key>` then requires this installation's signature).
 * Shown in a read-only field, so it can be selected by hand when the clipboard refuses.
 */
import { useEffect, useState } from 'preact/hooks';
import type { InstallationPublicKey } from '../../lib/messaging/page-protocol';
import type { OptionsDeps } from './options-deps';

type KeyState = { kind: 'loading' } | { kind: 'key'; key: InstallationPublicKey } | { kind: 'none' } | { kind: 'error'; message: string };

export function SigningKey({ deps }: { deps: OptionsDeps }) {
  const { t } = deps;
  const [state, setState] = useState<KeyState>({ kind: 'loading' });
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    let shown = true;
    deps.send('installationKey').then(
      (key) => shown && setState(key ? { kind: 'key', key } : { kind: 'none' }),
      (error: unknown) => shown && setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      shown = false;
    };
  }, []);

  async function copyKey(publicKey: string): Promise<void> {
    setCopy(null);
    try {
      await deps.copyText(publicKey);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <div class="field">
      <label for="signing-key">{t('optionsSigningKeyLabel')}</label>
      <span class="hint" id="signing-key-hint">
        {t('optionsSigningKeyHint')}
      </span>
      {state.kind === 'loading' && <p class="muted">{t('optionsWorking')}</p>}
      {state.kind === 'none' && <p class="muted">{t('optionsSigningKeyNone')}</p>}
      {state.kind === 'error' && (
        <p class="outcome error" role="alert">
          {t('optionsFailed', [state.message])}
        </p>
      )}
      {state.kind === 'key' && (
        <>
          <div class="inline">
            <input id="signing-key" class="key" type="text" readOnly value={state.key.publicKey} aria-describedby="signing-key-hint" onFocus={(event) => event.currentTarget.select()} />
            <button type="button" onClick={() => void copyKey(state.key.publicKey)}>
              {t('optionsSigningKeyCopy')}
            </button>
          </div>
          <span class="hint">{t('optionsSigningKeyFingerprint', [state.key.fingerprint])}</span>
          <p class={copy === 'failed' ? 'outcome error' : 'outcome ok'} role="status">
            {copy === 'copied' ? t('optionsSigningKeyCopied') : copy === 'failed' ? t('optionsSigningKeyCopyFailed') : ''}
          </p>
        </>
      )}
    </div>
  );
}
