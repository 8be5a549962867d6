/**
 * The optional `<all_urls>` permission that lets a report from a badge carry a screenshot. The
 * request is made straight from the change event: browsers grant permissions only during a user
 * gesture, and an await before the request would end it.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OptionsDeps } from './options-deps';

export function ScreenshotPermission({ deps }: { deps: OptionsDeps }) {
  const { t } = deps;
  const [granted, setGranted] = useState<boolean | null>(null);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    void deps.screenshotPermission.contains().then(setGranted);
  }, [deps]);

  function toggle(want: boolean): void {
    setRefused(false);
    const asked = want ? deps.screenshotPermission.request() : deps.screenshotPermission.remove();
    void asked
      .catch(() => false)
      .then(async (done) => {
        if (want && !done) setRefused(true);
        setGranted(await deps.screenshotPermission.contains());
      });
  }

  return (
    <fieldset>
      <legend>{t('optionsScreenshotLegend')}</legend>
      <label class="choice">
        <input type="checkbox" checked={granted === true} disabled={granted === null} onChange={(event) => toggle(event.currentTarget.checked)} />
        <span>
          {t('optionsScreenshotToggle')}
          <span class="hint">{t('optionsScreenshotHint')}</span>
        </span>
      </label>
      <p class="status" role="status">
        {granted === null ? '' : granted ? t('optionsScreenshotGranted') : t('optionsScreenshotNotGranted')}
        {refused ? ` ${t('optionsScreenshotRefused')}` : ''}
      </p>
    </fieldset>
  );
}
