/**
 * The `_locales` keys the badge shows. Every visible word goes through `t`, which the content script
 * binds to `browser.i18n.getMessage`; the test suite checks each key exists in en and zh_CN.
 */

export const BADGE_MESSAGE_KEYS = [
  'badgeRiskHigh',
  'badgeRiskMedium',
  'badgeRiskLow',
  'badgeReported',
  'badgeAccessibleName',
  'badgeAccessibleNameReported',
  'badgeBrandUnknown',
  'badgePanelLabel',
  'badgePanelBrand',
  'badgePanelShop',
  'badgePanelReasons',
  'badgePanelWeightStrong',
  'badgePanelWeightSupporting',
  'badgePanelFloorSource',
  'badgePanelNotice',
  'badgePanelNoticeBrand',
  'badgePanelNoticeBrandShop',
  'badgePanelNoticeActionRemoved',
  'badgePanelNoticeActionClosed',
  'badgePanelNoticeActionWarned',
  'badgePanelNoticeActionRectify',
  'badgePanelNoticeActionDated',
  'badgePanelNoticePublished',
  'badgePanelNoticeUndated',
  'badgePanelSharedPhotoOne',
  'badgePanelSharedPhotoMany',
  'badgePanelSharedPhotoMarks',
  'badgePanelSource',
  'badgePanelReportedNote',
  'badgeActionReportTaobao',
  'badgeActionOfficialStore',
  'badgeActionTrustShop',
  'badgeActionTrustItem',
  'badgeActionReportEvidence',
  'badgeComplaintCopied',
  'badgeComplaintCopyFailed',
  'badgeOpensNewTab',
  'badgeTrustedItem',
  'badgeTrustedShop',
  'badgeUndo',
  'badgeChecking',
  'badgeNotChecked',
  'badgeNotCheckedHint',
] as const;

export type BadgeMessageKey = (typeof BADGE_MESSAGE_KEYS)[number];

/** `browser.i18n.getMessage` fits this shape; substitutions fill `$1`… in the message's placeholders. */
export type Translate = (key: BadgeMessageKey, substitutions?: string[]) => string;
