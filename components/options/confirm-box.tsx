/**
 * An in-page confirmation (not window.confirm, which blocks the page and cannot be styled or tested):
 * the question, the action and Cancel. The action button takes focus so Enter confirms and Escape
 * (Cancel) is one Tab away.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { OptionsTranslate } from './options-messages';

interface ConfirmBoxProps {
  question: string;
  action: string;
  onConfirm: () => void;
  onCancel: () => void;
  t: OptionsTranslate;
}

export function ConfirmBox({ question, action, onConfirm, onCancel, t }: ConfirmBoxProps) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div class="confirm" role="alertdialog" aria-label={question} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <p>{question}</p>
      <div class="buttons">
        <button type="button" class="danger" ref={confirm} onClick={onConfirm}>
          {action}
        </button>
        <button type="button" onClick={onCancel}>
          {t('optionsCancel')}
        </button>
      </div>
    </div>
  );
}
