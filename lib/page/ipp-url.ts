/** Alibaba's IP protection platform, where brand staff file complaints: its home page and its host. */
export const IPP_URL = 'https://ipp.alibabagroup.com/';

/** The manifest's host permission for it: only so that its open tab can be found and reused. */
export const IPP_HOST_PATTERN = 'https://ipp.alibabagroup.com/*';
