import type { PopupTranslate } from './popup-messages';
import type { ExportProgress } from './use-export';

export function ExportProgressBar({ progress, t }: { progress: ExportProgress | null; t: PopupTranslate }) {
  if (!progress) return null;
  return (
    <label class="progress">
      {t('popupExporting')}
      <progress max={Math.max(progress.total, 1)} value={progress.done} />
    </label>
  );
}
