/**
 * Deleting with Undo, for the reports desk and the history: after a deletion, a note says how many
 * went, with an Undo button while the background still holds them (its undo token); after Undo, how
 * many came back. The words differ by what was deleted, so the caller names its two messages.
 */
import { useState } from 'preact/hooks';
import type { PopupMessageKey, PopupTranslate } from './popup-messages';
import type { CountedKey } from '../shared/counting-translate';

interface Deletion {
  count: number;
  undoToken: string | null;
  restored: number | null;
}

export interface UndoableDeletion {
  deletion: Deletion | null;
  /** Note a deletion the background answered (its count and undo token). */
  deleted(answer: { deleted: number; undoToken: string | null }): void;
  undo(): void;
}

export function useUndoableDeletion(onAction: (run: () => Promise<unknown>) => void, undoWith: (undoToken: string) => Promise<{ restored: number }>): UndoableDeletion {
  const [deletion, setDeletion] = useState<Deletion | null>(null);
  return {
    deletion,
    deleted: (answer) => setDeletion({ count: answer.deleted, undoToken: answer.undoToken, restored: null }),
    undo: () => {
      const undoToken = deletion?.undoToken;
      if (!deletion || !undoToken) return;
      onAction(async () => {
        const answer = await undoWith(undoToken);
        setDeletion({ ...deletion, undoToken: null, restored: answer.restored });
      });
    },
  };
}

interface DeletedNoteProps {
  of: UndoableDeletion;
  /** "Deleted $1 …" and "Restored $1 …". */
  words: { deleted: CountedKey<PopupMessageKey>; restored: CountedKey<PopupMessageKey> };
  t: PopupTranslate;
}

export function DeletedNote({ of, words, t }: DeletedNoteProps) {
  const { deletion } = of;
  if (!deletion) return null;
  return (
    <p role="status" class="note" data-testid="deleted-note">
      {deletion.restored === null ? t(words.deleted, [String(deletion.count)], deletion.count) : t(words.restored, [String(deletion.restored)], deletion.restored)}{' '}
      {deletion.undoToken && (
        <button type="button" class="action" onClick={of.undo}>
          {t('popupUndo')}
        </button>
      )}
    </p>
  );
}
