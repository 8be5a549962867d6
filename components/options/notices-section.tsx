/** Rectification notices: what they are and where feeds come from, adding one, and the feed list. */
import { FeedList } from './feed-list';
import { NoticeImport } from './notice-import';
import type { OptionsDeps } from './options-deps';
import type { PackBrand } from './rule-packs-section';

export function NoticesSection({ deps, brands }: { deps: OptionsDeps; brands?: readonly PackBrand[] | undefined }) {
  const { t } = deps;
  return (
    <section aria-labelledby="notices-heading">
      <h2 id="notices-heading">{t('optionsNoticesHeading')}</h2>
      <p>{t('optionsNoticesIntro')}</p>
      <p>{t('optionsNoticesWhere')}</p>
      <details class="formats">
        <summary>{t('optionsNoticesFormatsSummary')}</summary>
        <p>{t('optionsNoticesFormatJson')}</p>
        <p>{t('optionsNoticesFormatCsv')}</p>
      </details>
      <NoticeImport deps={deps} brands={brands} />
      <FeedList deps={deps} />
    </section>
  );
}
