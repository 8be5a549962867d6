/**
 * What the last action came to: a sentence, and for a refused file its problems. A refusal is
 * announced as an alert, a success politely.
 */
import type { FeedProblem } from '../../lib/notices/notice-feed';
import type { OptionsTranslate } from './options-messages';
import { ProblemList } from './problem-list';

export type Outcome = { ok: true; text: string } | { ok: false; text: string; problems: readonly FeedProblem[]; problemCount: number };

export function refused(text: string, problems: readonly FeedProblem[] = [], problemCount = problems.length): Outcome {
  return { ok: false, text, problems, problemCount };
}

/** An error thrown by a request (the background refused the payload, or the connection failed). */
export function failed(error: unknown, t: OptionsTranslate): Outcome {
  return refused(t('optionsFailed', [error instanceof Error ? error.message : String(error)]));
}

export function OutcomeView({ outcome, t }: { outcome: Outcome | null; t: OptionsTranslate }) {
  if (!outcome) return null;
  if (outcome.ok) {
    return (
      <p class="outcome ok" role="status">
        {outcome.text}
      </p>
    );
  }
  return (
    <div class="outcome error" role="alert">
      <p dir="auto">{outcome.text}</p>
      <ProblemList problems={outcome.problems} problemCount={outcome.problemCount} t={t} />
    </div>
  );
}
