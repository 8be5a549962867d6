/** What a badge is told: the verdict and its context, the reader's language and role, and callbacks. */
import type { TrustKind } from '../../lib/activity/activity-db';
import type { Shop } from '../../lib/listing';
import type { PhotoSummary } from '../../lib/messaging/photo-summary-schema';
import type { Role } from '../../lib/settings/settings';
import type { NoticeHit, Risk, Verdict } from '../../lib/verdict';
import type { Translate } from './badge-messages';

import type { UiLanguage } from '../../lib/ui-language';

export type { UiLanguage };

export interface BadgeOptions {
  verdict: Verdict;
  /** The brand's display name ("Gucci 古驰"); when null the verdict's brand id is shown. */
  brandName: string | null;
  /** The notice that named this listing, its shop or its brand, if any. */
  notice?: NoticeHit | null;
  /** The listing's shop as extracted; "trust this shop" is offered only when it has an id or a name. */
  shop?: Pick<Shop, 'name' | 'id'> | null;
  /** Chosen by the caller from the browser's UI language; picks each reason's text. */
  uiLanguage: UiLanguage;
  /** Brand staff also get "Report with evidence". */
  role: Role;
  /** The listing has a report record: shown on the badge and in the panel. */
  reported?: boolean;
  /** Show the neutral "Brand listing" mark on low-risk listings (off by default, as in settings). */
  showLowMark?: boolean;
  /** The larger badge of an item page, where it is the page's one verdict and must not be missed. */
  large?: boolean;
  t: Translate;
  /** "Not counterfeit": the caller remembers the choice and removes the badge. */
  onTrust: (kind: TrustKind) => void;
  /** Right after a trust: the badge says so and offers Undo (the caller removes it later). */
  undoTrust?: { kind: TrustKind; run: () => void } | null;
  /** Right after a report: whether its complaint text reached the clipboard (said on the badge). */
  complaintCopy?: 'copied' | 'failed' | null;
  /** Brand staff's report with evidence; the caller records it and then sets `reported`. */
  onReport: () => void;
  /**
   * Asked when the panel opens: what the listing's photo says (other shops using it). Not part of the
   * verdict, which is given before the photo is downloaded and hashed; null or a failure shows nothing.
   */
  photoSignals?: () => Promise<PhotoSummary>;
}

export type ShownLevel = Exclude<Risk, 'none'>;

/** The level the badge shows, or null when this verdict gets no badge at all. */
export function shownLevel(risk: Risk, showLowMark: boolean): ShownLevel | null {
  if (risk === 'high' || risk === 'medium') return risk;
  if (risk === 'low' && showLowMark) return 'low';
  return null;
}
