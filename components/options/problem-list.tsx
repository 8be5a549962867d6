/**
 * The problems an import was refused for: line, field and reason (or path and reason), the first
 * ones the background kept, then how many more there were. All of it is text from a file the user
 * chose, so it is only ever rendered as JSX text.
 */
import type { FeedProblem } from '../../lib/notices/notice-feed';
import type { OptionsTranslate } from './options-messages';

interface ProblemListProps {
  problems: readonly FeedProblem[];
  problemCount: number;
  t: OptionsTranslate;
}

export function ProblemList({ problems, problemCount, t }: ProblemListProps) {
  if (problems.length === 0) return null;
  const more = problemCount - problems.length;
  return (
    <div class="problems">
      <ul aria-label={t('optionsProblemsHeading')}>
        {problems.map((problem, i) => (
          <li key={i} dir="auto">
            {problem.line === null
              ? t('optionsProblemPath', [problem.field, problem.reason])
              : t('optionsProblemLine', [String(problem.line), problem.field, problem.reason])}
          </li>
        ))}
      </ul>
      {more > 0 && <p class="muted">{t('optionsProblemsMore', [String(more)])}</p>}
    </div>
  );
}
